/**
 * A reader of the helmfile bootstrap many Flux repositories use (the cluster-template pattern):
 * `bootstrap/**\/helmfile*.yaml`, `helmfile.d/*.yaml` and `bootstrap/**\/helmfile/*.yaml` install
 * the CNI, DNS, cert-manager and Flux itself before Flux takes these releases over. It reads
 * what can be known without running helmfile: releases with name, namespace, chart, version,
 * values (files, inline, `set`) and `needs`, templates inherited through `bases`, and the order
 * of the phases. Go templates are not evaluated: a templated chart or version is unknown, and a
 * `.gotmpl` values file that reads a HelmRelease (`readFile` … `fromYaml` … `.spec.values`) is
 * taken to give exactly that HelmRelease's values.
 */
import { DiagnosticError } from '../../core/diagnostic.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../../core/json.js';
import type { RepoTree } from '../../tree/repo-tree.js';
import { locateInDocument, parseYamlDocuments } from '../../yaml/parse.js';

/** Stands for a Go template action in a `.gotmpl` helmfile: its value is unknown. */
export const TEMPLATED = '__templated__';

export interface ReleaseValues {
  /** A values file renders the HelmRelease's own values (recognised `.gotmpl`). */
  fromHelmRelease: boolean;
  /** Every other values entry and `set`, merged in order (leaves may be TEMPLATED). */
  own: JsonObject;
  /** Values files that could not be read or are templates of another kind: values unknown. */
  unknown: string[];
}

export interface HelmfileRelease {
  name: string;
  namespace: string;
  /** Undefined when templated (computed by helmfile from other files). */
  chart?: string;
  version?: string;
  values: ReleaseValues;
  /** `namespace/name` of the releases this one needs, in the same file. */
  needs: string[];
  file: string;
  line?: number;
}

/** One helmfile state file with releases: a step of the bootstrap. */
export interface HelmfilePhase {
  file: string;
  /** Rendered with `--include-crds --no-hooks` to apply only its CRDs (a `crds` phase). */
  crdsOnly: boolean;
  releases: HelmfileRelease[];
}

/** The phases of one bootstrap (one directory), in the order they run. */
export interface Bootstrap {
  dir: string;
  phases: HelmfilePhase[];
}

const dirOf = (path: string): string => path.slice(0, Math.max(0, path.lastIndexOf('/')));
const baseOf = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** `a/b/../c` → `a/c`; undefined when it leaves the repository. */
function join(dir: string, rel: string): string | undefined {
  const out: string[] = dir === '' ? [] : dir.split('/');
  for (const seg of rel.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(seg);
  }
  return out.join('/');
}

const HELMFILE_NAME = /^helmfile[^/]*\.ya?ml(\.gotmpl)?$/;
const STATE_NAME = /\.ya?ml(\.gotmpl)?$/;

/** Whether `path` is a helmfile state file of a bootstrap. */
export function isHelmfilePath(path: string): boolean {
  const parent = baseOf(dirOf(path));
  if (parent === 'helmfile.d') return STATE_NAME.test(path);
  const inBootstrap = `/${path}`.includes('/bootstrap/');
  return (
    inBootstrap && (HELMFILE_NAME.test(baseOf(path)) || (parent === 'helmfile' && STATE_NAME.test(path)))
  );
}

function listing(tree: RepoTree, dir: string): { path: string; type: string; name: string }[] {
  try {
    return tree.list(dir).map((e) => ({ ...e, path: dir === '' ? e.name : `${dir}/${e.name}` }));
  } catch (e) {
    if (e instanceof DiagnosticError) return [];
    throw e;
  }
}

/**
 * Helmfile state files among `yamlFiles`, plus the `.gotmpl` ones (the YAML scan does not list
 * them): beside a YAML helmfile, or in a `helmfile.d`/`helmfile` directory of a `bootstrap`
 * directory that holds YAML files or is at the root.
 */
export function helmfilePaths(tree: RepoTree, yamlFiles: readonly string[]): string[] {
  const out = new Set(yamlFiles.filter(isHelmfilePath));
  const bootstrapDirs = new Set(tree.stat('bootstrap') === 'dir' ? ['bootstrap'] : []);
  for (const f of yamlFiles) {
    const at = `/${f}`.lastIndexOf('/bootstrap/');
    if (at >= 0) bootstrapDirs.add(f.slice(0, at + 'bootstrap'.length));
  }
  const dirs = new Set([...out].map(dirOf));
  for (const b of bootstrapDirs) {
    for (const e of listing(tree, b)) {
      if (e.type === 'dir' && (e.name === 'helmfile.d' || e.name === 'helmfile')) dirs.add(e.path);
    }
  }
  for (const dir of dirs) {
    for (const e of listing(tree, dir)) {
      if (e.type === 'file' && e.name.endsWith('.gotmpl') && isHelmfilePath(e.path)) out.add(e.path);
    }
  }
  return [...out].sort();
}

/**
 * Template actions become TEMPLATED (line count kept); lines holding only actions go. A plain
 * scan, linear in the text, so a hostile file cannot make it backtrack.
 */
function untemplate(text: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const open = text.indexOf('{{', i);
    const close = open < 0 ? -1 : text.indexOf('}}', open + 2);
    if (close < 0) break;
    const newlines = text.slice(open, close).split('\n').length - 1;
    out += `${text.slice(i, open)}${TEMPLATED}${'\n'.repeat(newlines)}`;
    i = close + 2;
  }
  out += text.slice(i);
  return out
    .split('\n')
    .map((line) => (line.includes(TEMPLATED) && line.replaceAll(TEMPLATED, '').trim() === '' ? '' : line))
    .join('\n');
}

interface Parsed {
  text: string;
  docs: { value: JsonObject; index: number }[];
}

function parse(tree: RepoTree, file: string): Parsed | undefined {
  try {
    const raw = tree.readText(file);
    const text = file.endsWith('.gotmpl') ? untemplate(raw) : raw;
    const docs = parseYamlDocuments(text, file).flatMap((d) =>
      isJsonObject(d.value) ? [{ value: d.value, index: d.index }] : [],
    );
    return { text, docs };
  } catch (e) {
    // Unreadable files are reported by yaml-syntax; a bootstrap that cannot be read is skipped.
    if (e instanceof DiagnosticError) return undefined;
    throw e;
  }
}

const str = (v: JsonValue | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
const known = (v: string | undefined): string | undefined =>
  v && !v.includes('{{') && !v.includes(TEMPLATED) ? v : undefined;

/** Later values win; maps merge key by key, as helmfile merges values files. */
export function mergeValues(into: JsonObject, from: JsonObject): JsonObject {
  const out: JsonObject = { ...into };
  for (const [k, v] of Object.entries(from)) {
    const old = out[k];
    out[k] = isJsonObject(old) && isJsonObject(v) ? mergeValues(old, v) : v;
  }
  return out;
}

/** `a.b\.c` → ['a', 'b.c'] (helm's --set key syntax, without list indices). */
function setPath(name: string): string[] {
  return name.split(/(?<!\\)\./).map((s) => s.replaceAll('\\.', '.'));
}

function setValue(into: JsonObject, path: string[], value: JsonValue): JsonObject {
  const [head, ...rest] = path;
  if (head === undefined) return into;
  const child = into[head];
  return {
    ...into,
    [head]: rest.length === 0 ? value : setValue(isJsonObject(child) ? child : {}, rest, value),
  };
}

/** A `.gotmpl` values file that prints a HelmRelease's `spec.values` read with readFile. */
export function readsHelmReleaseValues(text: string): boolean {
  return /readFile/.test(text) && /fromYaml/.test(text) && /helmrelease/i.test(text) && /values/.test(text);
}

function readValues(tree: RepoTree, dir: string, entries: JsonValue[], sets: JsonValue[]): ReleaseValues {
  const out: ReleaseValues = { fromHelmRelease: false, own: {}, unknown: [] };
  for (const entry of entries) {
    if (isJsonObject(entry)) {
      out.own = mergeValues(out.own, entry);
      continue;
    }
    const rel = str(entry);
    const path = rel === undefined || known(rel) === undefined ? undefined : join(dir, rel);
    if (path === undefined || tree.stat(path) !== 'file') {
      out.unknown.push(rel ?? String(entry));
      continue;
    }
    if (path.endsWith('.gotmpl')) {
      if (readsHelmReleaseValues(tree.readText(path))) out.fromHelmRelease = true;
      else out.unknown.push(path);
      continue;
    }
    const parsed = parse(tree, path);
    const doc = parsed?.docs[0]?.value;
    if (parsed && parsed.docs.length <= 1) out.own = mergeValues(out.own, doc ?? {});
    else out.unknown.push(path);
  }
  for (const s of sets) {
    if (!isJsonObject(s) || typeof s.name !== 'string' || s.value === undefined) continue;
    out.own = setValue(out.own, setPath(s.name), s.value);
  }
  return out;
}

const list = (v: JsonValue | undefined): JsonValue[] => (Array.isArray(v) ? v : []);

/** Every document of a state file merged (helmfile reads `---` parts as layers). */
function layers(parsed: Parsed): JsonObject {
  return parsed.docs.reduce<JsonObject>((acc, d) => ({ ...acc, ...d.value }), {});
}

/** Templates of the file and of its `bases`. */
function templatesOf(tree: RepoTree, file: string, state: JsonObject): Map<string, JsonObject> {
  const out = new Map<string, JsonObject>();
  const add = (s: JsonObject): void => {
    if (!isJsonObject(s.templates)) return;
    for (const [k, v] of Object.entries(s.templates)) if (isJsonObject(v)) out.set(k, v);
  };
  for (const b of list(state.bases)) {
    const path = typeof b === 'string' ? join(dirOf(file), b) : undefined;
    const parsed = path && tree.stat(path) === 'file' ? parse(tree, path) : undefined;
    if (parsed) add(layers(parsed));
  }
  add(state);
  return out;
}

function needsOf(v: JsonValue | undefined, namespace: string): string[] {
  return list(v).flatMap((n) => {
    if (typeof n !== 'string') return [];
    const parts = n.split('/');
    const name = parts.at(-1) ?? '';
    return [`${parts.length >= 2 ? parts.at(-2) : namespace}/${name}`];
  });
}

/** The releases of one helmfile state file (none when it is only bases or sub-helmfiles). */
export function readHelmfile(tree: RepoTree, file: string): HelmfilePhase | undefined {
  const parsed = parse(tree, file);
  if (!parsed) return undefined;
  const state = layers(parsed);
  const releases = list(state.releases);
  if (releases.length === 0) return undefined;
  const templates = templatesOf(tree, file, state);
  const defaults = isJsonObject(state.helmDefaults) ? state.helmDefaults : {};
  const args = list(defaults.args).map(String);
  const releaseDoc = [...parsed.docs].reverse().find((d) => Array.isArray(d.value.releases));
  const out: HelmfileRelease[] = [];
  releases.forEach((r, i) => {
    if (!isJsonObject(r) || typeof r.name !== 'string') return;
    const inherits = [
      ...(typeof state.defaultInherit === 'string' ? [state.defaultInherit] : []),
      ...list(r.inherit).flatMap((x) =>
        isJsonObject(x) && typeof x.template === 'string' ? [x.template] : [],
      ),
    ];
    const rel = inherits.reduce<JsonObject>((acc, t) => ({ ...acc, ...(templates.get(t) ?? {}) }), {});
    Object.assign(rel, r);
    const namespace = known(str(rel.namespace)) ?? 'default';
    const chart = known(str(rel.chart));
    const version = known(
      str(rel.version) ?? (typeof rel.version === 'number' ? String(rel.version) : undefined),
    );
    const pos = releaseDoc ? locateInDocument(parsed.text, releaseDoc.index, ['releases', i]) : undefined;
    out.push({
      name: r.name,
      namespace,
      ...(chart ? { chart } : {}),
      ...(version ? { version } : {}),
      values: readValues(tree, dirOf(file), list(rel.values), list(rel.set)),
      needs: needsOf(rel.needs, namespace),
      file,
      ...(pos ? { line: pos.line } : {}),
    });
  });
  const crdsOnly =
    args.includes('--include-crds') && (args.includes('--no-hooks') || /crd/i.test(baseOf(file)));
  return { file, crdsOnly, releases: out };
}

/** Every bootstrap of the repository: helmfile directories with their phases in run order. */
export function readBootstraps(tree: RepoTree, yamlFiles: readonly string[]): Bootstrap[] {
  const byDir = new Map<string, HelmfilePhase[]>();
  for (const file of helmfilePaths(tree, yamlFiles)) {
    const phase = readHelmfile(tree, file);
    if (!phase) continue;
    const dir = dirOf(file);
    byDir.set(dir, [...(byDir.get(dir) ?? []), phase]);
  }
  // CRD phases run first (that is their purpose), then files in name order (helmfile.d order).
  return [...byDir].map(([dir, phases]) => ({
    dir,
    phases: phases.sort((a, b) => Number(b.crdsOnly) - Number(a.crdsOnly) || (a.file < b.file ? -1 : 1)),
  }));
}
