/**
 * js-yaml schema reproducing go-yaml v3 resolution: plain scalars go through resolvePlain,
 * explicit standard tags through resolveTagged, any other tag is accepted and ignored (v3
 * decodes `!Foo x` as the string "x"). Non-string results are boxed (see scalar-box.ts).
 */
import jsYaml from 'js-yaml';
import { resolvePlain, resolveTagged, type Resolved } from './resolve.js';
import { ScalarBox } from './scalar-box.js';

// js-yaml calls resolve() and then construct() on the same text; keep the work of the first.
let lastText: string | undefined;
let lastResolved: Resolved | undefined;

function boxed(r: Resolved, text: string): unknown {
  return r.tag === 'str' || r.tag === 'binary' ? r.value : new ScalarBox(r.value, text);
}

const implicitScalar = new jsYaml.Type('tag:yaml.org,2002:v3', {
  kind: 'scalar',
  resolve(data: string): boolean {
    const r = resolvePlain(data);
    if (r.tag === 'str') return false;
    lastText = data;
    lastResolved = r;
    return true;
  },
  construct(data: string): unknown {
    const r = data === lastText && lastResolved ? lastResolved : resolvePlain(data);
    return boxed(r, data);
  },
});

// Plain `<<` is a merge key (v3 gives it the !!merge tag by default).
const mergeKey = new jsYaml.Type('tag:yaml.org,2002:merge', {
  kind: 'scalar',
  resolve: (data: string) => data === '<<',
});

/** The message of the last explicit-tag mismatch, for the error js-yaml raises. */
export let lastTagError: string | undefined;

function explicitScalar(short: string): jsYaml.Type {
  return new jsYaml.Type(`tag:yaml.org,2002:${short.slice(2)}`, {
    kind: 'scalar',
    resolve(data: string | null): boolean {
      const r = resolveTagged(short, data ?? '');
      if (typeof r === 'string') {
        lastTagError = r;
        return false;
      }
      return true;
    },
    construct(data: string | null): unknown {
      const text = data ?? '';
      return boxed(resolveTagged(short, text) as Resolved, text);
    },
  });
}

function anyTag(kind: 'scalar' | 'sequence' | 'mapping'): jsYaml.Type {
  const empty = kind === 'scalar' ? '' : kind === 'sequence' ? [] : {};
  return new jsYaml.Type('', {
    kind,
    multi: true,
    construct: (data: unknown) => data ?? empty,
  });
}

export const V3_SCHEMA: jsYaml.Schema = jsYaml.FAILSAFE_SCHEMA.extend({
  implicit: [implicitScalar, mergeKey],
  explicit: [
    ...['!!null', '!!bool', '!!int', '!!float', '!!timestamp', '!!binary'].map(explicitScalar),
    anyTag('scalar'),
    anyTag('sequence'),
    anyTag('mapping'),
  ],
});
