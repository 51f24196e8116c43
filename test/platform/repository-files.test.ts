import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  PLATFORM_DIRS,
  PROJECT_ROOT,
  SCHEMAS_DIR,
  readJson,
  readYamlDocs,
  schemasAvailable,
  walk,
} from './platform-files.js';

const platformFiles = PLATFORM_DIRS.flatMap(walk);
const yamlFiles = platformFiles.filter((f) => f.endsWith('.yaml'));

describe('platform repository files', () => {
  it('finds the platform trees', () => {
    expect(yamlFiles.length).toBeGreaterThan(50);
  });

  it('uses .yaml, never .yml', () => {
    const everywhere = [
      ...platformFiles,
      ...walk('.github'),
      ...walk('.taskfiles'),
      'Taskfile.yaml',
      '.sops.yaml',
    ];
    expect(everywhere.filter((f) => f.endsWith('.yml'))).toStrictEqual([]);
  });

  it('parses every .yaml file under clusters/, infrastructure/, kubernetes/ and bootstrap/', () => {
    const broken: string[] = [];
    for (const file of yamlFiles) {
      try {
        readYamlDocs(join(PROJECT_ROOT, file));
      } catch (e) {
        broken.push(`${file}: ${(e as Error).message}`);
      }
    }
    expect(broken).toStrictEqual([]);
  });

  it('holds no plaintext Secret (only SOPS-encrypted ones)', () => {
    const plain: string[] = [];
    for (const file of yamlFiles) {
      for (const doc of readYamlDocs(join(PROJECT_ROOT, file))) {
        if (doc.kind === 'Secret' && doc.sops === undefined) plain.push(file);
      }
    }
    expect(plain).toStrictEqual([]);
  });

  it('.sops.yaml encrypts Talos files whole and Kubernetes Secrets in data/stringData only', () => {
    const [config] = readYamlDocs(join(PROJECT_ROOT, '.sops.yaml'));
    const rules = (config?.creation_rules ?? []) as Record<string, unknown>[];
    const talos = rules.find((r) => String(r.path_regex).includes('talos'));
    const kubernetes = rules.find((r) => r.encrypted_regex === '^(data|stringData)$');
    expect(talos).toBeDefined();
    expect(talos?.encrypted_regex).toBeUndefined();
    expect(kubernetes).toBeDefined();
    expect(rules.indexOf(talos!)).toBeLessThan(rules.indexOf(kubernetes!));
    expect(JSON.stringify(rules)).toContain('age1j3hsfptdfsfwvkf504etjkrtmajny9csrfh5s24uqh6fchmg5dgqg087ek');
  });
});

describe('Taskfiles', () => {
  const taskfiles = ['Taskfile.yaml', ...walk('.taskfiles').filter((f) => f.endsWith('Taskfile.yaml'))];

  it('cover bootstrap, talos, flux, kubernetes and volsync', () => {
    for (const area of ['bootstrap', 'talos', 'flux', 'kubernetes', 'volsync']) {
      expect(taskfiles).toContain(`.taskfiles/${area}/Taskfile.yaml`);
    }
  });

  it('define the tasks the platform documents', () => {
    const tasks = (file: string) => Object.keys(readYamlDocs(join(PROJECT_ROOT, file))[0]?.tasks ?? {});
    expect(tasks('.taskfiles/bootstrap/Taskfile.yaml')).toEqual(expect.arrayContaining(['infra', 'apps']));
    expect(tasks('.taskfiles/talos/Taskfile.yaml')).toEqual(
      expect.arrayContaining(['apply-node', 'upgrade-node', 'upgrade-k8s', 'reset']),
    );
    expect(tasks('.taskfiles/flux/Taskfile.yaml')).toEqual(
      expect.arrayContaining(['reconcile', 'suspend', 'resume', 'diff', 'override-staged-rollout']),
    );
  });

  it.skipIf(!schemasAvailable())('validate against the Taskfile schema', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(readJson(join(SCHEMAS_DIR, 'other', 'taskfile.schema.json')));
    const errors: string[] = [];
    for (const file of taskfiles) {
      const [doc] = readYamlDocs(join(PROJECT_ROOT, file));
      if (!validate(doc)) errors.push(`${file}: ${JSON.stringify(validate.errors)}`);
    }
    expect(errors).toStrictEqual([]);
  });
});
