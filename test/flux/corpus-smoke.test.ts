import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { isJsonObject } from '../../src/core/json.js';
import type { KustomizationModel } from '../../src/flux/models/kustomization.js';
import { isFluxKustomization, parseFluxObject } from '../../src/flux/models/parse.js';
import { prepareFluxBuild } from '../../src/flux/overlay/prepare.js';
import { secureJoin } from '../../src/flux/overlay/secure-join.js';
import { build } from '../../src/kustomize/build.js';
import { filteredTree } from '../../src/tree/source-ignore.js';
import { openWorktree } from '../../src/tree/worktree.js';
import { parseYamlDocuments } from '../../src/yaml/parse.js';
import { buildDirs, CORPUS_DIR, corpusRepos, sharedAvailable } from '../helpers/shared.js';
import { fluxKs } from './overlay-helpers.js';

const GENERATE = 'no kustomization file in dir (Flux would generate one)';

function yamlFiles(root: string, dir = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory() && e.name !== '.git') out.push(...yamlFiles(root, rel));
    else if (e.isFile() && /\.ya?ml$/.test(e.name)) out.push(rel);
  }
  return out;
}

interface Found {
  file: string;
  model?: KustomizationModel;
  diagnostics: Diagnostic[];
}

function fluxKustomizations(repo: string): Found[] {
  const root = join(CORPUS_DIR, repo);
  const found: Found[] = [];
  for (const file of yamlFiles(root)) {
    let docs;
    try {
      docs = parseYamlDocuments(readFileSync(join(root, file), 'utf8'), file);
    } catch {
      continue; // not our concern here: YAML errors are reported by the yaml stage
    }
    for (const d of docs) {
      if (!isJsonObject(d.value) || !isFluxKustomization(d.value)) continue;
      // kustomize patch fragments (multi-tenancy's dev-team-patch.yaml) are not whole objects
      if (isJsonObject(d.value.spec) && d.value.spec.sourceRef === undefined) continue;
      const r = parseFluxObject(d.value, { file, line: d.line });
      found.push({
        file,
        diagnostics: r.diagnostics,
        ...(r.model?.kind === 'Kustomization' ? { model: r.model } : {}),
      });
    }
  }
  return found;
}

describe.skipIf(!sharedAvailable())('corpus smoke', () => {
  const repos = sharedAvailable() ? corpusRepos() : [];
  it.each(repos)('%s: every Flux Kustomization parses without errors', (repo) => {
    const found = fluxKustomizations(repo);
    expect(found.length).toBeGreaterThan(0);
    const errors = found.flatMap((f) => f.diagnostics.filter((d) => d.severity === 'error'));
    expect(errors).toEqual([]);
  });

  it.each(repos)('%s: directories Flux generates a kustomization for build', (repo) => {
    const tree = filteredTree(openWorktree(join(CORPUS_DIR, repo)));
    const models = fluxKustomizations(repo).flatMap((f) => (f.model ? [f.model] : []));
    const dirs = buildDirs(repo).filter((d) => d.reason === GENERATE);
    expect(dirs.length).toBeGreaterThan(0);
    const failures: string[] = [];
    for (const { dir } of dirs) {
      // the Kustomizations that build this dir, or the implicit root sync when none does
      const users = models.filter(
        (m) => secureJoin(m.path) === dir && tree.stat(secureJoin(m.path)) === 'dir',
      );
      for (const ks of users.length > 0 ? users : [fluxKs({ path: dir })]) {
        try {
          const p = prepareFluxBuild(tree, ks);
          const objs = build(p.tree, p.dir, { reorder: 'none' });
          if (p.generated && objs.length === 0 && tree.list(dir).length > 0 && !ks.components.length) {
            failures.push(`${dir} (${ks.name}): generated build produced no objects`);
          }
        } catch (e) {
          failures.push(`${dir} (${ks.name}): ${(e as Error).message}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
