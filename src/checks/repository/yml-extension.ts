import type { Diagnostic } from '../../core/diagnostic.js';
import { isJsonObject } from '../../core/json.js';
import { basename, dirname, resolvePath } from '../../tree/paths.js';
import type { Rule } from '../rule.js';
import { parsedYaml, repositoryYamlFiles } from './files.js';

// CI systems that read one fixed `.yml` name; the directories accept either extension.
const FIXED_NAMES = new Set([
  '.gitlab-ci.yml',
  '.travis.yml',
  'appveyor.yml',
  '.drone.yml',
  'bitbucket-pipelines.yml',
  'codeship-services.yml',
  'codeship-steps.yml',
]);
const EITHER_DIRS = ['.github/', '.gitea/', '.forgejo/', '.circleci/'];

function exempt(file: string): boolean {
  return FIXED_NAMES.has(basename(file)) || EITHER_DIRS.some((d) => file.startsWith(d));
}

const KUSTOMIZATION_NAMES = new Set(['kustomization.yaml', 'kustomization.yml', 'Kustomization']);

/**
 * Files a configMapGenerator/secretGenerator reads: the file name becomes the data key
 * the application looks for, so renaming it is not a style fix.
 */
function generatorInputs(ctx: Parameters<Rule['check']>[0], files: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const file of files) {
    if (!KUSTOMIZATION_NAMES.has(basename(file))) continue;
    const value = parsedYaml(ctx, file)?.documents[0]?.value;
    if (!isJsonObject(value)) continue;
    for (const field of ['configMapGenerator', 'secretGenerator']) {
      const generators = value[field];
      if (!Array.isArray(generators)) continue;
      for (const g of generators) {
        if (!isJsonObject(g) || !Array.isArray(g.files)) continue;
        for (const entry of g.files) {
          if (typeof entry !== 'string') continue;
          const source = entry.includes('=') ? entry.slice(entry.indexOf('=') + 1) : entry;
          const path = resolvePath(dirname(file), source);
          if (path !== undefined) out.add(path);
        }
      }
    }
  }
  return out;
}

/** `.yml` among mostly `.yaml` files: one spelling keeps globs, tooling and reviews simple. */
export const ymlExtension: Rule = {
  id: 'yml-extension',
  severity: 'warning',
  description: 'a .yml file in a repository whose YAML files otherwise use .yaml',
  check(ctx) {
    const files = repositoryYamlFiles(ctx);
    const counted = files.filter((f) => !exempt(f));
    const yml = counted.filter((f) => f.endsWith('.yml'));
    if (yml.length === 0 || yml.length * 2 >= counted.length) return [];
    const consumed = generatorInputs(ctx, files);
    return yml
      .filter((f) => !consumed.has(f))
      .map((file): Diagnostic => ({
        severity: 'warning',
        rule: 'yml-extension',
        message: `'${basename(file)}' uses .yml; ${counted.length - yml.length} of ${counted.length} YAML files here use .yaml`,
        file,
        hint: `rename it to ${basename(file).replace(/\.yml$/, '.yaml')} and update the references to it`,
      }));
  },
};
