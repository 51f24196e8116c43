import { convertsBuildable } from './buildable.js';
import { definitionName, isSpecialDefinition, OBJECT_META_DEFINITION } from './kubernetes-openapi.js';
import type { OpenApiDoc } from './types.js';

interface Scanned {
  ok: boolean;
  /** Definitions the converted definition refers to. */
  refs: string[];
}

/** `$ref` fragments are split on `/` and decoded: a name with these characters would not resolve. */
const UNREFERABLE = /[/~%]/;

/**
 * Which definitions of a swagger document can be built lazily: the definition and every one
 * it reaches through `$ref`s are certain to be accepted by the interpreter (see buildable.ts).
 * Each definition is scanned at most once; only the definitions kinds in use reach are.
 */
export function kubernetesBuildable(doc: OpenApiDoc): (name: string) => boolean {
  const known = (name: string) => Object.hasOwn(doc.definitions, name);
  const scanned = new Map<string, Scanned>();
  const closures = new Map<string, boolean>();

  function scan(name: string): Scanned {
    let hit = scanned.get(name);
    if (hit) return hit;
    const refs: string[] = [];
    const raw = doc.definitions[name];
    // The converter maps a `$ref` to a known definition and drops any other.
    const ref = (r: string) => {
      const target = definitionName(r);
      if (target === undefined || !known(target)) return true;
      refs.push(target);
      return true;
    };
    // Embedded resources get `#/definitions/<ObjectMeta>` as it is, not through the mapping.
    const objectMeta = () => {
      refs.push(OBJECT_META_DEFINITION);
      return known(OBJECT_META_DEFINITION);
    };
    let ok: boolean;
    if (isSpecialDefinition(name)) ok = true;
    else if (typeof raw?.$ref === 'string') {
      // Only a `$ref`: an alias the interpreter follows, chains and all; left to the eager path.
      const target = definitionName(raw.$ref);
      ok = target === undefined || !known(target);
    } else ok = convertsBuildable(raw, { ref, objectMeta });
    hit = { ok, refs };
    scanned.set(name, hit);
    return hit;
  }

  return (root) => {
    let ok = closures.get(root);
    if (ok !== undefined) return ok;
    ok = true;
    const seen = new Set([root]);
    for (const name of seen) {
      const s = known(name) && !UNREFERABLE.test(name) ? scan(name) : undefined;
      if (!s?.ok) {
        ok = false;
        break;
      }
      for (const r of s.refs) seen.add(r);
    }
    closures.set(root, ok);
    return ok;
  };
}
