/**
 * Canary test: distinct canary values are planted in every kind of secret input of a small
 * repository — SOPS Secret data and stringData, substituteFrom Secrets (SOPS-encrypted and
 * plain), a SOPS-encrypted file a secretGenerator reads — one of them breaking the YAML it is
 * substituted into. Every command's stdout and stderr must hold none of them unless
 * --show-secrets is given, and with it they appear where they belong.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateX25519Identity } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { run } from '../../src/cli/main.js';
import type { JsonObject } from '../../src/core/json.js';
import { bootstrapFiles, configMap, fluxKs, writeRepo, yamlDocs } from '../fixtures/render/repo.js';
import { sopsEncrypt } from '../flux/sops-encryptor.js';

const PREFIX = 'k8sopscanary';
const CANARY = {
  data: `${PREFIX}-data-4f1e`,
  stringData: `${PREFIX}-stringdata-8a2c`,
  sopsVar: `${PREFIX}-sopsvar-37bd`,
  sopsBreak: `${PREFIX}-sopsbreak-c0d9`,
  plainVar: `${PREFIX}-plainvar-5e61`,
  plainBreak: `${PREFIX}-plainbreak-91aa`,
  plainHead: `${PREFIX}-plainhead-2b7f`,
  file: `${PREFIX}-genfile-6d03`,
};
const DECRYPTION = { decryption: { provider: 'sops', secretRef: { name: 'sops-age' } } };
const BOTH = ['flux-system/vars', 'flux-system/plain-vars'];

interface Result {
  code: number;
  out: string;
  err: string;
}

let root: string;
let cleanup: () => void;
let env: NodeJS.ProcessEnv;

const secret = (name: string, body: JsonObject): JsonObject => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name, namespace: 'flux-system' },
  ...body,
});

const ks = (name: string, from: string[], extra: JsonObject = {}) =>
  fluxKs(name, `./${name}`, {
    ...DECRYPTION,
    dependsOn: [{ name: 'secrets' }],
    postBuild: {
      substituteFrom: from.map((ref) => ({ kind: 'Secret', name: ref.split('/')[1] as string })),
    },
    ...extra,
  });

async function files(key: string): Promise<Record<string, string>> {
  // Written in the order sops hashed the values (yamlDocs sorts keys, which breaks the MAC).
  const encrypt = async (doc: JsonObject) =>
    stringify((await sopsEncrypt(doc, key, { encrypted_regex: '^(data|stringData)$' })).doc);
  const generated = await sopsEncrypt({ token: CANARY.file }, key);
  return {
    ...bootstrapFiles('dev'),
    'clusters/dev/apps.yaml': yamlDocs(
      fluxKs('secrets', './secrets', DECRYPTION),
      ks('apps', BOTH),
      ks('broken-sops', ['flux-system/vars']),
      ks('broken-plain', ['flux-system/plain-vars']),
    ),
    'secrets/kustomization.yaml': [
      'resources: [app.sops.yaml, vars.sops.yaml, plain-vars.yaml]',
      'secretGenerator:',
      '- name: generated',
      '  namespace: flux-system',
      '  files: [token.sops.yaml]',
      '',
    ].join('\n'),
    'secrets/app.sops.yaml': await encrypt(
      secret('app', {
        data: { password: Buffer.from(CANARY.data).toString('base64') },
        stringData: { apiKey: CANARY.stringData },
      }),
    ),
    'secrets/vars.sops.yaml': await encrypt(
      secret('vars', { stringData: { SOPS_TOKEN: CANARY.sopsVar, SOPS_BAD: `${CANARY.sopsBreak}: {` } }),
    ),
    'secrets/plain-vars.yaml': yamlDocs(
      secret('plain-vars', {
        stringData: { PLAIN_TOKEN: CANARY.plainVar, PLAIN_BAD: `${CANARY.plainBreak}: {` },
      }),
    ),
    'secrets/token.sops.yaml': stringify(generated.doc),
    'apps/cm.yaml': yamlDocs(
      configMap('app', { sops: 'token ${SOPS_TOKEN}', plain: 'token ${PLAIN_TOKEN}' }, 'default'),
    ),
    'broken-sops/cm.yaml':
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: broken\ndata:\n  bad: ${SOPS_BAD}\n',
    'broken-plain/cm.yaml':
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: broken\ndata:\n  bad: ${PLAIN_BAD}\n',
  };
}

function git(...args: string[]): void {
  execFileSync('git', ['-C', root, ...args], {
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
    },
    stdio: 'pipe',
  });
}

beforeAll(async () => {
  const key = await generateX25519Identity();
  env = { SOPS_AGE_KEY: key };
  const repo = writeRepo(await files(key));
  root = repo.root;
  cleanup = repo.cleanup;
  // A base revision for diff; the working tree then changes a plain secret value.
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  const plain = join(root, 'secrets/plain-vars.yaml');
  writeFileSync(
    plain,
    yamlDocs(
      secret('plain-vars', {
        stringData: { PLAIN_TOKEN: CANARY.plainHead, PLAIN_BAD: `${CANARY.plainBreak}: {` },
      }),
    ),
  );
}, 60_000);

afterAll(() => cleanup());

async function cli(argv: string[]): Promise<Result> {
  let out = '';
  let err = '';
  const io = {
    cwd: root,
    stdout: (t: string) => void (out += t),
    stderr: (t: string) => void (err += t),
  };
  const code = await run([...argv, '--root', root], io, env);
  return { code, out, err };
}

const COMMANDS: string[][] = [
  ['build'],
  ['build', '--decrypt'],
  ['build', '--decrypt', '-o', 'json'],
  ['get', 'ks'],
  ['get', 'ks', '--decrypt'],
  ['get', 'hr', '--decrypt'],
  ['get', 'sources', '--decrypt'],
  ['tree', 'dev'],
  ['tree', 'dev', '--decrypt'],
  ['graph', 'dev'],
  ['graph', 'dev', '--decrypt'],
  ['check'],
  ['check', '--format', 'json'],
  ['check', '--format', 'sarif'],
  ['check', '--format', 'github'],
  ['check', '--format', 'junit'],
  ['diff', '--base', 'HEAD'],
  ['diff', '--base', 'HEAD', '--format', 'json'],
  ['diff', '--base', 'HEAD', '--format', 'markdown'],
];

describe('no value taken from a Secret is printed without --show-secrets', () => {
  it.each(COMMANDS.map((c) => [c.join(' '), c] as const))('%s', async (_name, argv) => {
    const r = await cli(argv);
    expect(r.code).not.toBe(2); // it ran: a usage error would print nothing to leak
    expect(r.out + r.err).not.toContain(PREFIX);
  });

  it('the broken substitution is still reported, its line masked', async () => {
    const r = await cli(['build', '--decrypt']);
    expect(r.err).toContain('line 3 after substitution: bad: **SECRET**;');
    expect(r.err).not.toContain('sops-mac-mismatch');
    expect(r.err).toMatch(/broken-sops/);
    expect(r.err).toMatch(/broken-plain/);
    expect(r.out).toContain('sops: token **SECRET**');
    expect(r.out).toContain('plain: token **SECRET**');
  });

  it('the diff still shows that a masked value changed', async () => {
    const r = await cli(['diff', '--base', 'HEAD']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/-\s+plain: token \*\*SECRET\*\*/);
    expect(r.out).toMatch(/\+\s+plain: token \*\*SECRET\*\*/);
  });
});

describe('--show-secrets prints them where they belong', () => {
  it('build --decrypt --show-secrets', async () => {
    const r = await cli(['build', '--decrypt', '--show-secrets']);
    for (const c of [CANARY.stringData, CANARY.sopsVar, CANARY.plainHead]) expect(r.out).toContain(c);
    expect(r.out).toContain(Buffer.from(CANARY.data).toString('base64'));
    expect(r.out).toContain(Buffer.from(`token: ${CANARY.file}\n`).toString('base64'));
    expect(r.err).toContain(`bad: ${CANARY.sopsBreak}: {`);
    expect(r.err).toContain(`bad: ${CANARY.plainBreak}: {`);
  });

  it('build --show-secrets without --decrypt shows the plain Secret value where it was substituted', async () => {
    const r = await cli(['build', '--show-secrets']);
    expect(r.out).toContain(`plain: token ${CANARY.plainHead}`);
    expect(r.out).not.toContain(CANARY.sopsVar); // never decrypted
  });
});
