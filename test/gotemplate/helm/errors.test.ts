import { describe, expect, it } from 'vitest';
import { reformatExecError, reformatParseError, warnWrap } from '../../../src/gotemplate/helm/errors.js';

const F = 'battery/templates/out.yaml';

function execError(message: string): Error {
  return Object.assign(new Error(message), { kind: 'exec' });
}

// Each message is what text/template produced inside helm v4.1.4; `want` is what helm printed.
const cases: { name: string; message: string; want: string }[] = [
  {
    name: 'fail under tpl: the marked message at the outer location',
    message: `template: ${F}:1:6: executing "${F}" at <tpl .Values.caseText .>: error calling tpl: error during tpl function execution for "{{ fail \\"boom\\" }}": template: gotpl:1:3: executing "gotpl" at <fail "boom">: error calling fail: ${warnWrap('boom')}`,
    want: `execution error at (${F}:1:6): boom`,
  },
  {
    name: 'required with a multi-line message',
    message: `template: ${F}:2:3: executing "${F}" at <required "a\nb" .x>: error calling required: ${warnWrap('a\nb')}`,
    want: `execution error at (${F}:2:3): a\nb`,
  },
  {
    name: 'a nil pointer becomes a trace',
    message: `template: ${F}:1:10: executing "${F}" at <.Values.missing.deep>: nil pointer evaluating interface {}.deep`,
    want: `${F}:1:10\n  executing "${F}" at <.Values.missing.deep>:\n    nil pointer evaluating interface {}.deep`,
  },
  {
    name: 'include of a missing template',
    message: `template: ${F}:1:3: executing "${F}" at <include "nope" .>: error calling include: template: no template "nope" associated with template "gotpl"`,
    want: `${F}:1:3\n  executing "${F}" at <include "nope" .>:\n    error calling include:\ntemplate: no template "nope" associated with template "gotpl"`,
  },
  {
    name: 'nested includes ending in a nil pointer',
    message: `template: ${F}:1:99: executing "${F}" at <include "b" .>: error calling include: template: ${F}:1:71: executing "b" at <include "a" .>: error calling include: template: ${F}:1:26: executing "a" at <.Values.missing.deep>: nil pointer evaluating interface {}.deep`,
    want: `${F}:1:99\n  executing "${F}" at <include "b" .>:\n    error calling include:\n${F}:1:71\n  executing "b" at <include "a" .>:\n    error calling include:\n${F}:1:26\n  executing "a" at <.Values.missing.deep>:\n    nil pointer evaluating interface {}.deep`,
  },
  {
    name: 'a function error that is not a template error stays as Go worded it',
    message: `template: ${F}:1:3: executing "${F}" at <eq 1 "a">: error calling eq: incompatible types for comparison: int and string`,
    want: `template: ${F}:1:3: executing "${F}" at <eq 1 "a">: error calling eq: incompatible types for comparison: int and string`,
  },
  {
    name: 'an include chain ending in a function error stays raw',
    message: `template: ${F}:1:42: executing "${F}" at <include "a" .>: error calling include: template: ${F}:1:19: executing "a" at <index (list) 3>: error calling index: index out of range: 3`,
    want: `template: ${F}:1:42: executing "${F}" at <include "a" .>: error calling include: template: ${F}:1:19: executing "a" at <index (list) 3>: error calling index: index out of range: 3`,
  },
  {
    name: 'tpl errors stay raw',
    message: `template: ${F}:1:51: executing "${F}" at <tpl "{{ include \\"a\\" . }}" .>: error calling tpl: error during tpl function execution for "{{ include \\"a\\" . }}": template: gotpl:1:3: executing "gotpl" at <include "a" .>: error calling include: template: ${F}:1:26: executing "a" at <.Values.missing.x>: nil pointer evaluating interface {}.x`,
    want: `template: ${F}:1:51: executing "${F}" at <tpl "{{ include \\"a\\" . }}" .>: error calling tpl: error during tpl function execution for "{{ include \\"a\\" . }}": template: gotpl:1:3: executing "gotpl" at <include "a" .>: error calling include: template: ${F}:1:26: executing "a" at <.Values.missing.x>: nil pointer evaluating interface {}.x`,
  },
  {
    name: 'a template action into another template',
    message: `template: ${F}:1:71: executing "b" at <.Values.missing.x>: nil pointer evaluating interface {}.x`,
    want: `${F}:1:71\n  executing "b" at <.Values.missing.x>:\n    nil pointer evaluating interface {}.x`,
  },
];

describe('reformatExecError', () => {
  it.each(cases)('$name', ({ message, want }) => {
    expect(reformatExecError(execError(message), F)).toBe(want);
  });

  it('keeps the message of an error that is not an execution error', () => {
    expect(reformatExecError(new Error(`template: no template "x" associated with template "gotpl"`))).toBe(
      `template: no template "x" associated with template "gotpl"`,
    );
  });

  it('names the file when the message has no location', () => {
    expect(reformatExecError(execError('boom'), F)).toBe(`execution error in (${F}): boom`);
  });
});

describe('reformatParseError', () => {
  it('keeps the location and the last part of the message', () => {
    expect(reformatParseError(new Error(`template: ${F}:1: unexpected <define> in command`), F)).toBe(
      `parse error at (${F}:1): unexpected <define> in command`,
    );
    expect(reformatParseError(new Error('odd'), F)).toBe(`parse error in (${F}): odd`);
  });
});
