import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/core/diagnostic.js';
import type { JsonObject } from '../../src/core/json.js';
import { openWorktree } from '../../src/tree/worktree.js';
import { kubectlAvailable, realKustomize, withFixture } from '../helpers/kustomize-oracle.js';
import { miniBuild } from './generator-build.js';

const hasKubectl = kubectlAvailable();

type Files = Record<string, string | Uint8Array>;

function key(o: JsonObject): string {
  const meta = (o.metadata ?? {}) as JsonObject;
  return `${String(o.kind)} ${String(meta.namespace ?? '')} ${String(meta.name)}`;
}

function byKey(objs: JsonObject[]): Record<string, JsonObject> {
  return Object.fromEntries(objs.map((o) => [key(o), o]));
}

/** Our objects and kustomize's, both keyed by kind/namespace/name (kustomize reorders output). */
function runBoth(
  files: Files,
  dir = '',
): { ours: Record<string, JsonObject>; real: Record<string, JsonObject> } {
  return withFixture(files, (root) => {
    const res = realKustomize(dir === '' ? root : `${root}/${dir}`);
    if (!res.ok) throw new Error(`kubectl kustomize failed: ${res.stderr}`);
    const real = (loadAll(res.stdout) as JsonObject[]).filter((o) => o !== null);
    return { ours: byKey(miniBuild(openWorktree(root), dir)), real: byKey(real) };
  });
}

/** The error text kubectl logs (`err="..."`), unquoted. */
function oracleError(stderr: string): string {
  const m = /err="((?:[^"\\]|\\.)*)"/.exec(stderr);
  return m ? (JSON.parse(`"${(m[1] as string).replace(/\\x/g, '\\\\x')}"`) as string) : stderr;
}

function errorsOfBoth(files: Files, dir = ''): { ours: string; real: string } {
  return withFixture(files, (root) => {
    const res = realKustomize(dir === '' ? root : `${root}/${dir}`);
    expect(res.ok, 'kubectl kustomize should fail').toBe(false);
    let ours = '';
    try {
      miniBuild(openWorktree(root), dir);
    } catch (e) {
      expect(e).toBeInstanceOf(DiagnosticError);
      ours = (e as Error).message;
    }
    return { ours, real: oracleError(res.stderr) };
  });
}

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);

const differential: Array<{ name: string; files: Files; dir?: string }> = [
  {
    name: 'literals: quotes, empty values, values with =',
    files: {
      'kustomization.yaml': `configMapGenerator:
- name: cm
  literals: ["a=1", "b='q'", 'c="x"', "d=", "e=1=2", "f='", "g='x\\"", "h=  spaced  ", "i=\\"\\""]
`,
    },
  },
  {
    name: 'files with and without key, trailing newline or not, nested path, parent path',
    files: {
      'app/kustomization.yaml': `configMapGenerator:
- name: cm
  files: [f.txt, k2=f.txt, sub/no-newline.txt, up=../outside.conf]
`,
      'app/f.txt': 'hello\n',
      'app/sub/no-newline.txt': 'line1\nline2',
      'outside.conf': 'x=1\n',
    },
    dir: 'app',
  },
  {
    name: 'env files: comments, blank lines, export, no value, BOM, CRLF, spaces, =value',
    files: {
      'kustomization.yaml': `configMapGenerator:
- name: cm
  envs: [a.env, b.env]
  env: c.env
`,
      'a.env': "# comment\n\nexport FOO=1\nBAR=x=y\n  BAZ\n\tTAB='q'\n",
      'b.env': bytes(
        0xef,
        0xbb,
        0xbf,
        ...new TextEncoder().encode('A=1\r\nB=2\r\n\ufeffC=3\n=nokey\nD = sp \n'),
      ),
      'c.env': 'LAST="quoted"',
    },
  },
  {
    name: 'env file lines at and past the 64 KiB scanner limit',
    files: {
      'kustomization.yaml':
        'configMapGenerator:\n- name: fits\n  envs: [fits.env]\n- name: cut\n  envs: [cut.env]\n',
      'fits.env': `A=1\nLONG=${'x'.repeat(65535 - 5)}\nB=2`,
      'cut.env': `A=1\nLONG=${'x'.repeat(65536 - 5)}\nB=2\n`,
    },
  },
  {
    name: 'keys kubectl kustomize does not validate',
    files: {
      'kustomization.yaml': `configMapGenerator:
- name: cm
  literals: ["a b=1", "..x=2", ".=3", "ü=4"]
  envs: [e.env]
`,
      'e.env': '1X=a\n$%^=b\n.. =c\n',
    },
  },
  {
    name: 'binary file goes to binaryData of a ConfigMap, base64 data of a Secret',
    files: {
      'kustomization.yaml': `configMapGenerator:
- name: b
  files: [bin.dat, f.txt, long.bin]
- name: only-binary
  files: [bin.dat]
secretGenerator:
- name: b
  files: [bin.dat, long.bin, f.txt]
`,
      'bin.dat': bytes(0, 0xff, 0xfe, 0x62, 0x69, 0x6e),
      'long.bin': Uint8Array.from({ length: 300 }, (_, i) => (i * 7 + 0x80) % 256),
      'f.txt': 'hello\n',
    },
  },
  {
    name: 'secrets: Opaque default, tls type from files, empty secret, empty configmap',
    files: {
      'kustomization.yaml': `secretGenerator:
- name: s
  literals: [a=1, b=two]
- name: tls
  type: kubernetes.io/tls
  files: [tls.crt, tls.key]
- name: empty
configMapGenerator:
- name: empty
`,
      'tls.crt': '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
      'tls.key': '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n',
    },
  },
  {
    name: 'generatorOptions: global and local labels/annotations, immutable, disableNameSuffixHash',
    files: {
      'kustomization.yaml': `generatorOptions:
  labels: {g: global, both: global}
  annotations: {ga: global}
  immutable: true
configMapGenerator:
- name: local
  literals: [a=1]
  options:
    labels: {both: local, l: local}
    annotations: {la: local, ga: overridden}
    disableNameSuffixHash: true
- name: plain
  literals: [a=1]
secretGenerator:
- name: s
  literals: [a=1]
  options: {immutable: false}
`,
    },
  },
  {
    name: 'global disableNameSuffixHash cannot be undone locally',
    files: {
      'kustomization.yaml': `generatorOptions: {disableNameSuffixHash: true}
configMapGenerator:
- name: cm
  literals: [a=1]
  options: {disableNameSuffixHash: false, labels: {x: "y"}}
`,
    },
  },
  {
    name: 'hash ignores namePrefix, namespace and labels; generator namespace',
    files: {
      'kustomization.yaml': `namePrefix: p-
namespace: ns
commonLabels: {team: a}
configMapGenerator:
- name: cm
  files: [f.txt]
- name: other
  namespace: elsewhere
  literals: [k=v]
secretGenerator:
- name: s
  literals: [k=v]
`,
      'f.txt': 'hello\n',
    },
  },
  {
    name: 'hash with special characters (HTML, unicode, control, line separators)',
    files: {
      'kustomization.yaml': `configMapGenerator:
- name: cm
  files: [special.txt, bom.txt]
  literals: ["amp=a&b<c>d", "uni=ünï🎉", "ctl=x\\u0001\\u001b\\u0085\\u00a0", "nel=a \\u0085 b\\u0085\\u0085c"]
`,
      'bom.txt': '\ufeffstarts with a BOM\n',
      'special.txt': 'tab\there\u2028\u2029\b\f\r\n"quoted" \\back\n',
    },
  },
  {
    name: 'merge and replace across base and overlay with prefix and namespace',
    files: {
      'base/kustomization.yaml': `namePrefix: b-
namespace: bns
resources: [cm.yaml]
configMapGenerator:
- name: foo
  literals: [a=1, b=2]
  options: {labels: {l1: base, l2: base}, annotations: {an: base}}
- name: rep
  literals: [old=1]
  options: {labels: {kept: base}}
secretGenerator:
- name: tls
  type: kubernetes.io/tls
  literals: [tls.crt=x]
`,
      'base/cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata: {name: plain, labels: {pl: x}}
data: {x: "1"}
`,
      'ov/kustomization.yaml': `namePrefix: o-
resources: [../base]
configMapGenerator:
- name: foo
  behavior: merge
  literals: [b=3, c=4]
  files: [bin.dat]
  options: {labels: {l2: ov, l3: ov}}
- name: plain
  behavior: merge
  literals: [y=2]
- name: rep
  behavior: replace
  literals: [new=1]
  options: {disableNameSuffixHash: true}
secretGenerator:
- name: tls
  behavior: merge
  literals: [tls.key=y]
`,
      'ov/bin.dat': bytes(0xff, 0xfe),
    },
    dir: 'ov',
  },
  {
    name: 'merge and replace with nothing new empties the maps',
    files: {
      'base/kustomization.yaml': `secretGenerator:
- name: s
- name: s2
  literals: [a=b]
configMapGenerator:
- name: c
  literals: [a=b]
  options: {labels: {x: "1"}}
`,
      'ov/kustomization.yaml': `resources: [../base]
secretGenerator:
- name: s
  behavior: merge
- name: s2
  behavior: replace
configMapGenerator:
- name: c
  behavior: replace
`,
    },
    dir: 'ov',
  },
  {
    name: 'unknown behavior counts as create',
    files: {
      'kustomization.yaml': `configMapGenerator:
- name: foo
  behavior: bogus
  literals: [c=4]
`,
    },
  },
];

const errorCases: Array<{ name: string; files: Files; dir?: string; same?: boolean }> = [
  {
    name: 'duplicate key across sources',
    files: {
      'kustomization.yaml': 'secretGenerator:\n- name: cm\n  literals: ["a=1"]\n  files: [a=f.txt]\n',
      'f.txt': 'x',
    },
  },
  {
    name: 'literal without =',
    files: { 'kustomization.yaml': 'configMapGenerator:\n- name: cm\n  literals: ["a", "b=1"]\n' },
  },
  {
    name: 'literal with leading =',
    files: { 'kustomization.yaml': 'configMapGenerator:\n- name: cm\n  literals: ["=a"]\n' },
  },
  {
    name: 'file source =path',
    files: { 'kustomization.yaml': 'configMapGenerator:\n- name: cm\n  files: ["=f.txt"]\n' },
  },
  {
    name: 'file source key=',
    files: { 'kustomization.yaml': 'configMapGenerator:\n- name: cm\n  files: ["k="]\n' },
  },
  {
    name: 'file source k=a=b',
    files: { 'kustomization.yaml': 'configMapGenerator:\n- name: cm\n  files: ["k=f=.txt"]\n' },
  },
  { name: 'missing name', files: { 'kustomization.yaml': 'secretGenerator:\n- literals: [a=b]\n' } },
  {
    name: 'DEL in a literal',
    files: { 'kustomization.yaml': 'configMapGenerator:\n- name: cm\n  literals: ["a=x\\u007f"]\n' },
  },
  {
    name: 'invalid UTF-8 in an env file',
    files: {
      'kustomization.yaml': 'configMapGenerator:\n- name: cm\n  envs: [bad.env]\n',
      'bad.env': bytes(0x41, 0x3d, 0xff, 0x0a),
    },
  },
  {
    name: 'merge finds nothing',
    files: {
      'base/kustomization.yaml': 'configMapGenerator:\n- name: foo\n  literals: [a=1]\n',
      'ov/kustomization.yaml':
        'resources: [../base]\nconfigMapGenerator:\n- name: nothere\n  behavior: merge\n',
    },
    dir: 'ov',
  },
  {
    name: 'replace finds nothing (namespace differs)',
    files: {
      'base/kustomization.yaml': 'secretGenerator:\n- name: foo\n  literals: [a=1]\n',
      'ov/kustomization.yaml':
        'resources: [../base]\nsecretGenerator:\n- name: foo\n  namespace: zz\n  behavior: replace\n',
    },
    dir: 'ov',
  },
  {
    name: 'create collides',
    files: {
      'base/kustomization.yaml': 'configMapGenerator:\n- name: foo\n  literals: [a=1]\n',
      'ov/kustomization.yaml': 'resources: [../base]\nconfigMapGenerator:\n- name: foo\n  behavior: create\n',
    },
    dir: 'ov',
  },
  {
    name: 'unspecified behavior collides within one kustomization',
    files: { 'kustomization.yaml': 'configMapGenerator:\n- name: foo\n- name: foo\n  literals: [a=1]\n' },
  },
  {
    name: 'multiple candidates for a merge',
    files: {
      'one/kustomization.yaml': 'namespace: one\nconfigMapGenerator:\n- name: foo\n  literals: [a=1]\n',
      'two/kustomization.yaml': 'namespace: other\nconfigMapGenerator:\n- name: foo\n  literals: [a=2]\n',
      'ov/kustomization.yaml':
        'resources: [../one, ../two]\nconfigMapGenerator:\n- name: foo\n  behavior: merge\n',
    },
    dir: 'ov',
  },
];

describe.skipIf(!hasKubectl)('generators against kubectl kustomize', () => {
  it.each(differential)('$name', ({ files, dir }) => {
    const { ours, real } = runBoth(files, dir);
    expect(ours).toEqual(real);
  });

  it.each(errorCases)('error: $name', ({ files, dir }) => {
    const { ours, real } = errorsOfBoth(files, dir);
    expect(ours).not.toBe('');
    expect(real.endsWith(ours), `kustomize: ${real}\nours: ${ours}`).toBe(true);
  });

  it('missing source files fail in both', () => {
    for (const field of ['files', 'envs']) {
      const { ours, real } = errorsOfBoth({
        'kustomization.yaml': `configMapGenerator:\n- name: cm\n  ${field}: [nope.txt]\n`,
      });
      expect(real).toContain('nope.txt');
      expect(ours).toContain('nope.txt');
    }
  });
});
