import { join } from 'node:path';
import { expect } from 'vitest';
import { DiagnosticError } from '../../src/core/diagnostic.js';
import type { JsonObject } from '../../src/core/json.js';
import { build } from '../../src/kustomize/build.js';
import { openWorktree } from '../../src/tree/worktree.js';
import { emitDocuments } from '../../src/yaml/emit.js';
import { parseYamlDocuments } from '../../src/yaml/parse.js';
import { realKustomize, withFixture } from './kustomize-oracle.js';

export type Files = Record<string, string | Uint8Array>;

export interface NativeOutcome {
  ok: boolean;
  objects: JsonObject[];
  text: string;
  error?: DiagnosticError;
}

export function buildNative(root: string, dir: string): NativeOutcome {
  try {
    const objects = build(openWorktree(root), dir);
    return { ok: true, objects, text: emitDocuments(objects) };
  } catch (e) {
    if (e instanceof DiagnosticError) return { ok: false, objects: [], text: '', error: e };
    throw e;
  }
}

/**
 * Builds `dir` of a fixture with the real kustomize and natively, and asserts the same
 * outcome: the same objects in the same order and the same bytes, or both failing.
 */
export function expectSameAsKubectl(files: Files, dir = '.'): NativeOutcome {
  return withFixture(files, (root) => {
    const real = realKustomize(join(root, dir));
    const native = buildNative(root, dir === '.' ? '' : dir);
    if (!real.ok) {
      expect(native.ok, `kustomize failed (${real.stderr.trim()}) but the native build succeeded`).toBe(
        false,
      );
      return native;
    }
    expect(native.error?.diagnostic.message, 'native build failed').toBeUndefined();
    const expected = parseYamlDocuments(real.stdout, 'kubectl', { kustomizeFoldedScalars: false })
      .map((d) => d.value)
      .filter((v) => v !== null);
    expect(native.objects).toEqual(expected);
    expect(native.text).toBe(real.stdout);
    return native;
  });
}
