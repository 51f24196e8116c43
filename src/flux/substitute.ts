/**
 * Flux postBuild substitution of one built resource (
 * fluxcd/pkg kustomize/kustomize_varsub.go): the object is printed as kustomize prints it,
 * `${…}` expanded in that text, and the text read back with YAML 1.1 typing — so comments are
 * gone, quotes are lost (`"${R}"` with R=3 becomes the integer 3) and a value can break the YAML.
 */
import { DiagnosticError } from '../core/diagnostic.js';
import { isJsonObject, mentionsText, type JsonObject, type JsonValue } from '../core/json.js';
import { emitYaml } from '../yaml/emit.js';
import { fromBytes, utf8Problem } from './envsubst/bytes.js';
import { envsubstBytes, EnvsubstError, EnvsubstLimitError, SUBSTITUTE_RULE } from './envsubst/index.js';
import { yamlToJson, YamlToJsonError } from './envsubst/yaml-to-json.js';
import { substituteInTree } from './substitute-in-tree.js';
import type { PostBuildVariables } from './variables.js';

export const SUBSTITUTE_ANNOTATION = 'kustomize.toolkit.fluxcd.io/substitute';

/**
 * How much postBuild substitution may add to one object: a few references to a large value
 * would otherwise multiply it without bound (Flux has no such limit; the API server refuses
 * objects over 3 MiB, so nothing this large could be applied).
 */
export const MAX_SUBSTITUTION_GROWTH_BYTES = 4 * 1024 * 1024;

/** `spec.postBuild.substituteStrategy`; Flux's default is WithVariables. */
export type SubstituteStrategy = 'WithVariables' | 'Always';

export interface SubstituteOptions {
  /** Unset variables are errors: controller ≥ v1.9 default, `flux build --strict-substitute`. */
  strict: boolean;
  strategy?: SubstituteStrategy;
  /** Source file of the resource, for diagnostics. */
  file?: string;
}

// Go regexp [[:alpha:]] is ASCII-only.
const VAR_NAME_RE = /^[_A-Za-z][_A-Za-z0-9]*$/;
const VAR_NAME_PATTERN = '^[_[:alpha:]][_[:alpha:][:digit:]]*$';

/** Whether the built object's labels or annotations say `substitute: disabled` (exact value). */
export function isSubstitutionDisabled(obj: JsonObject): boolean {
  const meta = isJsonObject(obj.metadata) ? obj.metadata : {};
  const marked = (field: string): boolean => {
    const map = meta[field];
    return isJsonObject(map) && map[SUBSTITUTE_ANNOTATION] === 'disabled';
  };
  return marked('labels') || marked('annotations');
}

/**
 * The resource after substitution: the same object when Flux leaves it alone (disabled, or no
 * variables and strategy WithVariables), a new object otherwise, or null when substitution
 * emptied its apiVersion, kind or name (Flux then silently drops it). Throws DiagnosticError
 * (rule `flux-substitute`) with Flux's message, e.g.
 * `post build failed for 'ConfigMap.v1.[noGrp]/app': envsubst error: variable substitution failed: …`.
 */
export function substituteResource(
  obj: JsonObject,
  variables: Pick<PostBuildVariables, 'vars' | 'sourceError'>,
  opts: SubstituteOptions,
): JsonObject | null {
  return substitute(obj, variables, opts, substituteFastPath.enabled);
}

/**
 * substituteResource always through the text round trip: the reference the fast path
 * (substitute-in-tree.ts) must agree with.
 */
export function substituteResourceViaText(
  obj: JsonObject,
  variables: Pick<PostBuildVariables, 'vars' | 'sourceError'>,
  opts: SubstituteOptions,
): JsonObject | null {
  return substitute(obj, variables, opts, false);
}

/**
 * Switch and counters for tests and measurements: `enabled: false` makes every object take the
 * text round trip; `fast` and `text` count the objects with a `$` that took each path.
 */
export const substituteFastPath = { enabled: true, fast: 0, text: 0 };

function substitute(
  obj: JsonObject,
  variables: Pick<PostBuildVariables, 'vars' | 'sourceError'>,
  opts: SubstituteOptions,
  fastPath: boolean,
): JsonObject | null {
  if (isSubstitutionDisabled(obj)) return obj;
  const fail = (detail: string, hint: string): DiagnosticError =>
    new DiagnosticError({
      rule: SUBSTITUTE_RULE,
      message: `post build failed for '${describe(obj)}': ${detail}`,
      file: opts.file,
      hint,
    });
  if (variables.sourceError !== undefined) {
    throw fail(
      variables.sourceError,
      'create the object in the Kustomization namespace or mark the reference optional: true',
    );
  }
  const { vars } = variables;
  if (vars.size === 0 && opts.strategy !== 'Always') return obj;

  const badKey = firstBadName(vars);
  if (badKey !== undefined) {
    throw fail(
      `envsubst error: '${badKey}' var name is invalid, must match '${VAR_NAME_PATTERN}'`,
      'Flux checks every variable key, used or not: rename it to letters, digits and underscores',
    );
  }

  // Without `$` envsubst changes nothing and the print/read round trip is the identity; a
  // walk over the object is much cheaper than printing it to find that out.
  if (!mentionsText(obj, '$')) return obj;
  const tooLarge = (): DiagnosticError =>
    new DiagnosticError({
      rule: 'limit-exceeded',
      message: `post build failed for '${describe(obj)}': substitution would add more than ${MAX_SUBSTITUTION_GROWTH_BYTES / (1024 * 1024)} MiB to the object (k8s-ops's limit)`,
      file: opts.file,
      hint: 'a variable with a large value is referenced many times: reference it once, or keep large data out of variables',
    });
  if (fastPath) {
    let fast: JsonObject | undefined;
    try {
      fast = substituteInTree(obj, (name) => vars.get(name), opts.strict, MAX_SUBSTITUTION_GROWTH_BYTES);
    } catch (e) {
      if (e instanceof EnvsubstLimitError) throw tooLarge();
      throw e;
    }
    if (fast !== undefined) {
      substituteFastPath.fast++;
      return isApplicable(fast) ? fast : null;
    }
  }
  substituteFastPath.text++;
  const text = emitYaml(obj);
  let out: string;
  try {
    const maxOutputBytes = Buffer.byteLength(text) + MAX_SUBSTITUTION_GROWTH_BYTES;
    out = envsubstBytes(text, (name) => vars.get(name), { strict: opts.strict, maxOutputBytes });
  } catch (e) {
    if (e instanceof EnvsubstLimitError) throw tooLarge();
    if (!(e instanceof EnvsubstError)) throw e;
    throw fail(`envsubst error: variable substitution failed: ${e.message}`, envsubstHint(e));
  }

  const problem = utf8Problem(out);
  if (problem) {
    throw fail(
      `envsubst error: YAMLToJSON: yaml: ${problem}`,
      'a byte offset or pattern in ${v:N:L} / ${v#p} cut a multi-byte character',
    );
  }
  const yaml = fromBytes(out);
  let result: JsonValue;
  try {
    result = yamlToJson(yaml);
  } catch (e) {
    if (!(e instanceof YamlToJsonError)) throw e;
    throw fail(`envsubst error: YAMLToJSON: ${e.message}`, yamlHint(yaml, e.textLine));
  }
  return isJsonObject(result) && isApplicable(result) ? result : null;
}

// The variables of a Kustomization are checked for every object it builds: once per map.
const badNames = new WeakMap<ReadonlyMap<string, string>, string | undefined>();

/** The name Flux reports: the first invalid one in sorted order. */
function firstBadName(vars: ReadonlyMap<string, string>): string | undefined {
  if (badNames.has(vars)) return badNames.get(vars);
  const bad = [...vars.keys()].filter((k) => !VAR_NAME_RE.test(k)).sort()[0];
  badNames.set(vars, bad);
  return bad;
}

/** kustomize's `<Kind>.<version>.<group>/<name>` as Flux prints it. */
function describe(obj: JsonObject): string {
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  const apiVersion = str(obj.apiVersion);
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  const name = isJsonObject(obj.metadata) ? str(obj.metadata.name) : '';
  return `${str(obj.kind) || '[noKind]'}.${version || '[noVer]'}.${group || '[noGrp]'}/${name}`;
}

// ssa ReadObjects keeps only objects with a (string) apiVersion, kind and name.
function isApplicable(obj: JsonObject): boolean {
  const nonEmpty = (v: unknown): boolean => typeof v === 'string' && v !== '';
  return (
    nonEmpty(obj.apiVersion) &&
    nonEmpty(obj.kind) &&
    isJsonObject(obj.metadata) &&
    nonEmpty(obj.metadata.name)
  );
}

function envsubstHint(e: EnvsubstError): string {
  const where = `line ${e.textLine} of the object as Flux prints it: ${e.lineText.trim()}`;
  if (e.message.startsWith('variable not set')) {
    return `${where}; define the variable, give a default (\${name:=default}), or write $\${ for a literal \${`;
  }
  return `${where}; write $\${ for a literal \${, or label/annotate the object ${SUBSTITUTE_ANNOTATION}: disabled`;
}

function yamlHint(yaml: string, line: number | undefined): string {
  const advice =
    'a substituted value changed the YAML: store it pre-quoted (e.g. \'"value"\') or avoid :, #, * at its start';
  if (line === undefined) return advice;
  const text = yaml.split('\n')[line - 1] ?? '';
  return `line ${line} after substitution: ${text.trim()}; ${advice}`;
}
