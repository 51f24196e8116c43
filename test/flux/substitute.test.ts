import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/core/diagnostic.js';
import type { JsonObject, JsonValue } from '../../src/core/json.js';
import { substituteResource, type SubstituteOptions } from '../../src/flux/substitute.js';
import { collectVariables, type VarSource } from '../../src/flux/variables.js';
import { parseYamlDocuments } from '../../src/yaml/parse.js';

const DISABLED = { 'kustomize.toolkit.fluxcd.io/substitute': 'disabled' };
const POST_BUILD = "post build failed for 'ConfigMap.v1.[noGrp]/app'";

function configMap(data: JsonObject, metadata: JsonObject = {}): JsonObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'app', namespace: 'apps', ...metadata },
    data,
  };
}

function vars(v: Record<string, string>): { vars: Map<string, string> } {
  return { vars: new Map(Object.entries(v)) };
}

const STRICT: SubstituteOptions = { strict: true };
const LENIENT: SubstituteOptions = { strict: false };

interface Case {
  name: string;
  obj: JsonObject;
  vars: Record<string, string>;
  opts?: SubstituteOptions;
  /** Expected `data` of the result, or null for a dropped object. */
  data?: JsonValue;
  /** The result is the very same object (substitution did not run). */
  same?: true;
  error?: string;
}

function check(c: Case): void {
  const run = (): JsonObject | null => substituteResource(c.obj, vars(c.vars), c.opts ?? STRICT);
  if (c.error !== undefined) {
    expect(run).toThrowError(c.error);
    return;
  }
  const out = run();
  if (c.same) {
    expect(out).toBe(c.obj);
    return;
  }
  if (c.data === null) {
    expect(out).toBeNull();
    return;
  }
  expect(out?.data).toEqual(c.data);
}

describe('§9 case 23: basics', () => {
  it.each<Case>([
    { name: '${env}', obj: configMap({ v: '${env}' }), vars: { env: 'prod' }, data: { v: 'prod' } },
    { name: '$env', obj: configMap({ v: '$env' }), vars: { env: 'prod' }, data: { v: '$env' } },
    { name: '$${env}', obj: configMap({ v: '$${env}' }), vars: { env: 'prod' }, data: { v: '${env}' } },
    {
      name: 'missing, controller (strict)',
      obj: configMap({ v: '${missing}' }),
      vars: { env: 'prod' },
      error: `${POST_BUILD}: envsubst error: variable substitution failed: variable not set (strict mode): "missing"`,
    },
    {
      name: 'missing, flux build (lenient): field becomes null',
      obj: configMap({ v: '${missing}' }),
      vars: { env: 'prod' },
      opts: LENIENT,
      data: { v: null },
    },
  ])('$name', check);
});

describe('§9 cases 24–26: defaults, bad names, when substitution runs', () => {
  const script = configMap({ 'run.sh': 'for a in "${@}"; do echo ${x:=d}; done\n' });
  it.each<Case>([
    {
      name: 'defaults',
      obj: configMap({ a: '${x:=d}', b: '${y=d}' }),
      vars: { y: '' },
      data: { a: 'd', b: 'd' },
    },
    {
      name: '${x-d}',
      obj: configMap({ a: '${x-d}' }),
      vars: { y: '' },
      opts: LENIENT,
      error: 'missing closing brace',
    },
    {
      name: 'script with ${@} once any variable is defined',
      obj: script,
      vars: { unrelated: 'v' },
      error: `${POST_BUILD}: envsubst error: variable substitution failed: unable to parse variable name`,
    },
    { name: 'no variables: left verbatim, no error', obj: script, vars: {}, same: true },
    {
      name: 'no variables but Always',
      obj: script,
      vars: {},
      opts: { strict: false, strategy: 'Always' },
      error: 'unable to parse variable name',
    },
    {
      name: 'fixed with $${@}',
      obj: configMap({ 'run.sh': 'for a in "$${@}"; do\n' }),
      vars: { unrelated: 'v' },
      data: { 'run.sh': 'for a in "${@}"; do\n' },
    },
    {
      name: 'an empty-string variable counts',
      obj: configMap({ a: 'x${e}' }),
      vars: { e: '' },
      data: { a: 'x' },
    },
    {
      name: 'Always with zero variables',
      obj: configMap({ a: '${x:=d}' }),
      vars: {},
      opts: { strict: true, strategy: 'Always' },
      data: { a: 'd' },
    },
  ])('$name', check);
});

describe('§9 case 27: every key must be a valid name, used or not', () => {
  it.each<Case>([
    ...['app.version', 'my-var', '1x', 'café'].map((key): Case => ({
      name: key,
      obj: configMap({ a: '${ok}' }),
      vars: { ok: '1', [key]: 'v' },
      error: `${POST_BUILD}: envsubst error: '${key}' var name is invalid, must match '^[_[:alpha:]][_[:alpha:][:digit:]]*$'`,
    })),
    {
      name: 'unless the resource is disabled',
      obj: configMap({ a: '${ok}' }, { annotations: DISABLED }),
      vars: { 'app.version': '1' },
      same: true,
    },
    {
      name: 'valid names',
      obj: configMap({ a: '${_a1}${B_2}' }),
      vars: { _a1: 'x', B_2: 'y' },
      data: { a: 'xy' },
    },
  ])('$name', check);
});

describe('§9 cases 31–33: YAML 1.1 re-typing of the substituted text', () => {
  const deployment: JsonObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', annotations: { enabled: '${E}' } },
    spec: { replicas: '${R}' },
  };
  it('"${R}" with R=3 ⇒ integer; "${E}" with E=true ⇒ boolean', () => {
    const out = substituteResource(deployment, vars({ R: '3', E: 'true' }), STRICT);
    expect(out).toEqual({
      ...deployment,
      metadata: { name: 'web', annotations: { enabled: true } },
      spec: { replicas: 3 },
    });
  });

  it.each<Case>([
    { name: 'E=yes', obj: configMap({ e: '${E}' }), vars: { E: 'yes' }, data: { e: true } },
    { name: 'E=off', obj: configMap({ e: '${E}' }), vars: { E: 'off' }, data: { e: false } },
    { name: 'P=0755', obj: configMap({ port: '${P}' }), vars: { P: '0755' }, data: { port: 493 } },
    { name: 'P=0x1F', obj: configMap({ port: '${P}' }), vars: { P: '0x1F' }, data: { port: 31 } },
    { name: 'N=1_000', obj: configMap({ n: '${N}' }), vars: { N: '1_000' }, data: { n: 1000 } },
    {
      name: 'D=2021-01-01 stays a string',
      obj: configMap({ d: '${D}' }),
      vars: { D: '2021-01-01' },
      data: { d: '2021-01-01' },
    },
    {
      name: 'T=1:20 stays a string',
      obj: configMap({ t: '${T}' }),
      vars: { T: '1:20' },
      data: { t: '1:20' },
    },
    { name: 'N=~ ⇒ null', obj: configMap({ n: '${N}' }), vars: { N: '~' }, data: { n: null } },
    {
      name: '${quote}${E}${quote} ⇒ string',
      obj: configMap({ e: '${quote}${E}${quote}' }),
      vars: { quote: '"', E: 'true' },
      data: { e: 'true' },
    },
    {
      name: 'pre-quoted value \'"true"\' ⇒ string',
      obj: configMap({ e: '${E}' }),
      vars: { E: '"true"' },
      data: { e: 'true' },
    },
    { name: 'L=[1,2] ⇒ list', obj: configMap({ l: '${L}' }), vars: { L: '[1,2]' }, data: { l: [1, 2] } },
    { name: 'M={a: 1} ⇒ map', obj: configMap({ m: '${M}' }), vars: { M: '{a: 1}' }, data: { m: { a: 1 } } },
    {
      name: 'DOMAIN=*.example.com',
      obj: configMap({ host: '${DOMAIN}' }),
      vars: { DOMAIN: '*.example.com' },
      error: `${POST_BUILD}: envsubst error: YAMLToJSON: yaml: line 3: did not find expected alphabetic or numeric character`,
    },
    {
      name: 'DOMAIN=a: b',
      obj: configMap({ host: '${DOMAIN}' }),
      vars: { DOMAIN: 'a: b' },
      error: `${POST_BUILD}: envsubst error: YAMLToJSON: yaml: line 3: mapping values are not allowed in this context`,
    },
    {
      name: 'DOMAIN=a #b ⇒ a',
      obj: configMap({ host: '${DOMAIN}' }),
      vars: { DOMAIN: 'a #b' },
      data: { host: 'a' },
    },
    {
      name: 'V=@x',
      obj: configMap({ v: '${V}' }),
      vars: { V: '@x' },
      error: 'YAMLToJSON: yaml: line 3: found character that cannot start any token',
    },
    {
      name: 'V=- x',
      obj: configMap({ v: '${V}' }),
      vars: { V: '- x' },
      error: 'YAMLToJSON: yaml: line 3: block sequence entries are not allowed in this context',
    },
    {
      name: 'V=*ref',
      obj: configMap({ v: '${V}' }),
      vars: { V: '*ref' },
      error: "YAMLToJSON: yaml: unknown anchor 'ref' referenced",
    },
    {
      name: 'V=.inf',
      obj: configMap({ v: '${V}' }),
      vars: { V: '.inf' },
      error: 'YAMLToJSON: json: unsupported value: +Inf',
    },
    {
      name: "A=it's inside a single-quoted scalar",
      obj: configMap({ msg: '${A}: ok' }),
      vars: { A: "it's" },
      error: `${POST_BUILD}: envsubst error: YAMLToJSON: yaml: line 2: did not find expected key`,
    },
    { name: 'A=fine', obj: configMap({ msg: '${A}: ok' }), vars: { A: 'fine' }, data: { msg: 'fine: ok' } },
  ])('$name', check);

  it('YAML errors name the object and show the substituted line', () => {
    try {
      substituteResource(configMap({ host: '${DOMAIN}' }), vars({ DOMAIN: '*.example.com' }), {
        strict: true,
        file: 'apps/cm.yaml',
      });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DiagnosticError);
      const d = (e as DiagnosticError).diagnostic;
      expect(d).toMatchObject({ rule: 'flux-substitute', file: 'apps/cm.yaml' });
      expect(d.hint).toContain('line 3 after substitution: host: *.example.com');
    }
  });
});

describe('§9 case 34: comments vanish before substitution', () => {
  it('a ${UNSET} in a comment is never evaluated, even in strict mode', () => {
    const text = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: app # ${UNSET}',
      '# comment ${UNSET}',
      'data:',
      '  a: "${A}" # quoted in the source, plain after printing',
      '',
    ].join('\n');
    const [doc] = parseYamlDocuments(text, 'cm.yaml');
    const out = substituteResource(doc?.value as JsonObject, vars({ A: '8080' }), STRICT);
    expect(out).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'app' },
      data: { a: 8080 },
    });
  });
});

describe('§9 case 35: the disable marker', () => {
  it.each<Case>([
    {
      name: 'annotation disabled',
      obj: configMap({ a: '${@}' }, { annotations: DISABLED }),
      vars: { x: '1' },
      same: true,
    },
    {
      name: 'label disabled',
      obj: configMap({ a: '${@}' }, { labels: DISABLED }),
      vars: { x: '1' },
      same: true,
    },
    {
      name: 'Disabled (capital D) is still substituted',
      obj: configMap({ a: '${x}' }, { labels: { 'kustomize.toolkit.fluxcd.io/substitute': 'Disabled' } }),
      vars: { x: '1' },
      data: { a: 1 },
    },
    {
      name: 'other values are still substituted',
      obj: configMap({ a: '${x}' }, { annotations: { 'kustomize.toolkit.fluxcd.io/substitute': 'false' } }),
      vars: { x: 'y' },
      data: { a: true }, // YAML 1.1: y is a boolean
    },
  ])('$name', check);
});

describe('§9 case 36: names', () => {
  it('app-${SUFFIX} is fine', () => {
    const out = substituteResource(
      configMap({}, { name: 'app-${SUFFIX}' }),
      vars({ SUFFIX: 'prod' }),
      STRICT,
    );
    expect(out?.metadata).toEqual({ name: 'app-prod', namespace: 'apps' });
  });
  it.each<Case>([
    {
      name: 'name emptied ⇒ dropped',
      obj: configMap({}, { name: '${NAME}' }),
      vars: { NAME: '' },
      data: null,
    },
    {
      name: 'name unset (lenient) ⇒ dropped',
      obj: configMap({}, { name: '${NAME}' }),
      vars: { x: '' },
      opts: LENIENT,
      data: null,
    },
    {
      name: 'kind emptied ⇒ dropped',
      obj: { apiVersion: 'v1', kind: '${K}', metadata: { name: 'a' } },
      vars: { K: '' },
      data: null,
    },
  ])('$name', check);
});

describe('§9 case 39: a child Flux Kustomization is substituted by its parent', () => {
  it('${IMAGE} takes the parent value; $${x} passes a literal ${x} down', () => {
    const child: JsonObject = {
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: 'child', namespace: 'flux-system' },
      spec: { postBuild: { substitute: { img: '${IMAGE}', literal: '$${x}' } } },
    };
    const out = substituteResource(child, vars({ IMAGE: 'nginx:1.27' }), STRICT);
    expect(out?.spec).toEqual({ postBuild: { substitute: { img: 'nginx:1.27', literal: '${x}' } } });
  });
});

describe('§4.3 long defaults folded over two lines', () => {
  it('still evaluate, and the fold collapses back to one space', () => {
    const long =
      'aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk ${v:=some long default text here} llll';
    expect(substituteResource(configMap({ l: long }), vars({ x: '1' }), STRICT)?.data).toEqual({
      l: 'aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk some long default text here llll',
    });
  });
  it('multi-line strings are literal blocks and substitute line by line', () => {
    expect(
      substituteResource(configMap({ s: 'a: ${A}\nb: ${B}\n' }), vars({ A: '1', B: '*x' }), STRICT)?.data,
    ).toEqual({
      s: 'a: 1\nb: *x\n',
    });
  });
});

describe('§4.6 Secrets', () => {
  it('stringData is substituted while base64 data is not', () => {
    const secret: JsonObject = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      data: { k: Buffer.from('${X}').toString('base64') },
      stringData: { s: 'pw-${X}' },
    };
    const out = substituteResource(secret, vars({ X: 'abc' }), STRICT);
    expect(out).toEqual({ ...secret, stringData: { s: 'pw-abc' } });
  });
});

describe('variables (§4.2) feeding substitution', () => {
  const cm = (name: string, data: JsonObject, optional?: boolean): VarSource => ({
    kind: 'ConfigMap',
    name,
    optional,
    object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data },
  });
  const secret = (name: string, fields: JsonObject, optional?: boolean): VarSource => ({
    kind: 'Secret',
    name,
    optional,
    object: { apiVersion: 'v1', kind: 'Secret', metadata: { name }, ...fields },
  });
  const b64 = (s: string): string => Buffer.from(s).toString('base64');

  it('§9 case 28: later sources win, inline wins over all', () => {
    const v = collectVariables({
      substituteFrom: [cm('cm1', { a: '1', b: '1' }), cm('cm2', { a: '2' })],
      inline: { b: '3' },
    });
    expect(Object.fromEntries(v.vars)).toEqual({ a: '2', b: '3' });
    expect(v.sourceError).toBeUndefined();
  });

  it('§9 case 29: a missing optional source contributes nothing', () => {
    const v = collectVariables({
      substituteFrom: [{ kind: 'Secret', name: 's', optional: true, object: undefined }],
    });
    expect(v.vars.size).toBe(0);
    const obj = configMap({ a: '${x:=d}' });
    expect(substituteResource(obj, v, STRICT)).toBe(obj);
    expect(substituteResource(obj, v, { strict: true, strategy: 'Always' })?.data).toEqual({ a: 'd' });
  });

  it('§9 case 29: a missing required source fails each substituted resource', () => {
    const v = collectVariables({
      substituteFrom: [{ kind: 'Secret', name: 's', object: undefined }],
      inline: { a: '1' },
    });
    expect(v.sourceError).toBe(`substitute from 'Secret/s' error: secrets "s" not found`);
    expect(() => substituteResource(configMap({ a: 'x' }), v, STRICT)).toThrowError(
      `${POST_BUILD}: substitute from 'Secret/s' error: secrets "s" not found`,
    );
    const disabled = configMap({ a: 'x' }, { labels: DISABLED });
    expect(substituteResource(disabled, v, STRICT)).toBe(disabled);
    const cmMissing = collectVariables({
      substituteFrom: [{ kind: 'ConfigMap', name: 'vars', object: undefined }],
    });
    expect(cmMissing.sourceError).toBe(`substitute from 'ConfigMap/vars' error: configmaps "vars" not found`);
  });

  it('§9 case 30: newlines are removed from every value, carriage returns kept', () => {
    const v = collectVariables({
      substituteFrom: [
        secret('s', { data: { multi: b64('line1\nline2\n'), crlf: b64('a\r\nb') } }),
        cm('c', { c: 'x\ny\n' }),
      ],
      inline: { i: 'p\nq' },
    });
    expect(Object.fromEntries(v.vars)).toEqual({ multi: 'line1line2', crlf: 'a\rb', c: 'xy', i: 'pq' });
  });

  it('Secrets: data decoded, stringData on top; ConfigMaps: data only', () => {
    const v = collectVariables({
      substituteFrom: [
        secret('s', { data: { a: b64('from-data'), b: b64('b') }, stringData: { a: 'from-stringData' } }),
        cm('c', { c: 'c' }),
      ],
    });
    const c = v.vars;
    expect(Object.fromEntries(c)).toEqual({ a: 'from-stringData', b: 'b', c: 'c' });
    const withBinary = collectVariables({
      substituteFrom: [
        {
          kind: 'ConfigMap',
          name: 'bin',
          object: {
            apiVersion: 'v1',
            kind: 'ConfigMap',
            metadata: { name: 'bin' },
            binaryData: { x: b64('y') },
          },
        },
      ],
    });
    expect(withBinary.vars.size).toBe(0);
  });

  it('data the API server would reject is skipped with a warning', () => {
    const v = collectVariables({
      substituteFrom: [cm('c', { port: 8080, ok: 'y' }), secret('s', { data: { bad: 'not base64!' } })],
    });
    expect(Object.fromEntries(v.vars)).toEqual({ ok: 'y' });
    expect(v.diagnostics.map((d) => [d.severity, d.rule, d.message])).toEqual([
      [
        'warning',
        'flux-substitute-source',
        'ConfigMap/c: data.port is not a string (8080); the API server rejects this object, so the variable is ignored',
      ],
      [
        'warning',
        'flux-substitute-source',
        'Secret/s: data.bad is not valid base64; the API server rejects this object, so the variable is ignored',
      ],
    ]);
  });
});

describe('§9 case 49: flux build --dry-run (substituteFrom is not read)', () => {
  const obj = configMap({ x: '${x:=d}', y: '${y}' });
  it('substituteFrom only ⇒ zero variables ⇒ nothing substituted, even strict', () => {
    const v = collectVariables({ substituteFrom: [], inline: undefined });
    expect(substituteResource(obj, v, STRICT)).toBe(obj);
  });
  it('one inline variable and --strict-substitute ⇒ error for y', () => {
    const v = collectVariables({ substituteFrom: [], inline: { z: '1' } });
    expect(() => substituteResource(obj, v, STRICT)).toThrowError('variable not set (strict mode): "y"');
  });
  it('one inline variable without the flag ⇒ y empty, x = d', () => {
    const v = collectVariables({ substituteFrom: [], inline: { z: '1' } });
    expect(substituteResource(obj, v, LENIENT)?.data).toEqual({ x: 'd', y: null });
  });
});

describe('object naming in errors', () => {
  it('uses kustomize GVK strings', () => {
    const dep: JsonObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { a: '${u}' },
    };
    expect(() => substituteResource(dep, vars({ x: '1' }), STRICT)).toThrowError(
      'post build failed for \'Deployment.v1.apps/web\': envsubst error: variable substitution failed: variable not set (strict mode): "u"',
    );
  });
  it('hints point at the printed line', () => {
    try {
      substituteResource(configMap({ a: '${u}' }), vars({ x: '1' }), STRICT);
      expect.unreachable();
    } catch (e) {
      expect((e as DiagnosticError).diagnostic.hint).toMatch(
        /^line 3 of the object as Flux prints it: a: \$\{u\}; /,
      );
    }
  });
});
