import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/core/diagnostic.js';
import type { JsonObject } from '../../src/core/json.js';
import { build } from '../../src/kustomize/build.js';
import { newBuildCache } from '../../src/kustomize/context.js';
import { createSchemaRegistry, parseApiVersion, parseSchemaLocation } from '../../src/schemas/index.js';
import { openWorktree } from '../../src/tree/worktree.js';
import { buildDirs, CORPUS_DIR, corpusRepos, SHARED_DIR, sharedAvailable } from '../helpers/shared.js';
import { readIo, swagger } from './helpers.js';

/**
 * Every custom resource of the corpus whose group the reference catalog covers is validated
 * (CRDs rendered by the repository first, then the catalog). The counts are pinned; each
 * failure is printed with its reason so a change in them is reviewed, not absorbed.
 */

interface Tally {
  /** Built-in kinds checked against the Kubernetes 1.35 OpenAPI. */
  core: { objects: number; valid: number; invalid: number };
  objects: number;
  valid: number;
  invalid: number;
  missing: number;
  fromCrd: number;
  fromLocation: number;
  failures: string[];
}

/**
 * Every failure printed is real: an unsubstituted `${VAR}` (Flux postBuild fills it in, raw
 * kustomize output does not), a SOPS `sops:` block (Flux decrypts it), a field the schema
 * version does not know (AlertmanagerConfig `monospace`, Dragonfly `storage`), or a plain
 * mistake (HelmRelease `spec.version`, CNPG `passwordSecret.key`, Keycloak probe fields).
 */
const EXPECTED: Record<string, Omit<Tally, 'failures'>> = {
  'angelnu__k8s-gitops': {
    core: { objects: 48, valid: 47, invalid: 1 },
    objects: 68,
    valid: 68,
    invalid: 0,
    missing: 0,
    fromCrd: 0,
    fromLocation: 68,
  },
  'bjw-s-labs__home-ops': {
    core: { objects: 35, valid: 34, invalid: 1 },
    objects: 398,
    valid: 395,
    invalid: 3,
    missing: 0,
    fromCrd: 0,
    fromLocation: 398,
  },
  'fluxcd__flux2-monitoring-example': {
    core: { objects: 3, valid: 3, invalid: 0 },
    objects: 6,
    valid: 6,
    invalid: 0,
    missing: 0,
    fromCrd: 0,
    fromLocation: 6,
  },
  'fluxcd__flux2-multi-tenancy': {
    core: { objects: 3, valid: 3, invalid: 0 },
    objects: 6,
    valid: 6,
    invalid: 0,
    missing: 0,
    fromCrd: 0,
    fromLocation: 6,
  },
  'monosense-io__k8s-gitops': {
    core: { objects: 172, valid: 170, invalid: 2 },
    objects: 212,
    valid: 173,
    invalid: 39,
    missing: 0,
    fromCrd: 0,
    fromLocation: 212,
  },
  'onedr0p__home-ops': {
    core: { objects: 32, valid: 31, invalid: 1 },
    objects: 359,
    valid: 358,
    invalid: 1,
    missing: 0,
    fromCrd: 0,
    fromLocation: 359,
  },
};

const enabled = sharedAvailable();
const CRD_DIR = join(SHARED_DIR, 'schemas/crds');

function tally(repo: string): Tally {
  const root = join(CORPUS_DIR, repo);
  const tree = openWorktree(root);
  const cache = newBuildCache();
  const groups = new Set(readdirSync(CRD_DIR));
  const objects = new Map<string, { obj: JsonObject; dir: string }>();
  for (const d of buildDirs(repo).filter((b) => b.ok)) {
    let built: JsonObject[];
    try {
      built = build(tree, d.dir, { cache, reorder: 'none' });
    } catch (e) {
      if (e instanceof DiagnosticError) continue;
      throw e;
    }
    for (const obj of built) {
      const key = JSON.stringify(obj);
      if (!objects.has(key)) objects.set(key, { obj, dir: d.dir });
    }
  }
  const all = [...objects.values()];
  const registry = createSchemaRegistry({
    crdObjects: all.map((o) => o.obj),
    location: parseSchemaLocation(CRD_DIR),
    io: readIo,
    kubernetes: swagger(join(SHARED_DIR, 'schemas/kubernetes/swagger-v1.35.json')),
  });
  const t: Tally = {
    core: { objects: 0, valid: 0, invalid: 0 },
    objects: 0,
    valid: 0,
    invalid: 0,
    missing: 0,
    fromCrd: 0,
    fromLocation: 0,
    failures: [],
  };
  for (const { obj, dir } of all) {
    const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
    const kind = typeof obj.kind === 'string' ? obj.kind : '';
    const hit = registry.lookup(apiVersion, kind);
    const name = `${dir}: ${apiVersion} ${kind} ${JSON.stringify((obj.metadata as JsonObject | undefined)?.name)}`;
    if (hit.status === 'found' && hit.validator.source === 'kubernetes') {
      t.core.objects++;
      const violations = hit.validator.validate(obj);
      if (violations.length === 0) t.core.valid++;
      else {
        t.core.invalid++;
        t.failures.push(
          `${name}: ${violations.map((v) => v.message + (v.hint ? ` (${v.hint})` : '')).join('; ')}`,
        );
      }
      continue;
    }
    if (!groups.has(parseApiVersion(apiVersion).group)) continue;
    t.objects++;
    if (hit.status !== 'found') {
      t.missing++;
      t.failures.push(`${name}: ${hit.status}: ${hit.reason}`);
      continue;
    }
    if (hit.validator.source === 'crd') t.fromCrd++;
    else t.fromLocation++;
    const violations = hit.validator.validate(obj);
    if (violations.length === 0) t.valid++;
    else {
      t.invalid++;
      t.failures.push(
        `${name}: ${violations.map((v) => v.message + (v.hint ? ` (${v.hint})` : '')).join('; ')}`,
      );
    }
  }
  return t;
}

describe.skipIf(!enabled || !existsSync(CRD_DIR))('corpus custom resources against their schemas', () => {
  for (const repo of enabled ? corpusRepos() : []) {
    it(repo, () => {
      const { failures, ...counts } = tally(repo);
      console.log(`${repo}: ${JSON.stringify(counts)}\n  ${failures.join('\n  ')}`);
      expect(counts).toEqual(EXPECTED[repo]);
    });
  }
});
