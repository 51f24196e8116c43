/**
 * The output folder of `build --out-dir` is written as a whole: a new folder renamed into
 * place, a previous output replaced, anything k8s-ops did not write left alone.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/core/diagnostic.js';
import { OUTPUT_MARKER, writeOutDir } from '../../src/cli/out-dir.js';
import type { OutputFile } from '../../src/report/output-paths.js';

let base: string;
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'k8s-ops-outdir-'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

const file = (name: string, content = `${name}\n`): OutputFile => ({
  segments: ['dev', 'flux-system', name],
  content,
});

/** Every path below `dir`, sorted, `/`-separated. */
function listing(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).map((p) => p.split('\\').join('/')).sort();
}

function diagnosticOf(fn: () => unknown): DiagnosticError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DiagnosticError) return e;
    throw e;
  }
  throw new Error('expected a DiagnosticError');
}

describe('writeOutDir', () => {
  it('creates a missing folder, its parents and the marker', () => {
    const r = writeOutDir('a/b/out', base, [file('apps.yaml'), file('infra.yaml')]);
    expect(r).toEqual({ dir: join(base, 'a/b/out'), leftovers: [] });
    expect(listing(r.dir)).toEqual([
      OUTPUT_MARKER,
      'dev',
      'dev/flux-system',
      'dev/flux-system/apps.yaml',
      'dev/flux-system/infra.yaml',
    ]);
    expect(listing(join(base, 'a/b'))).toEqual(['out', ...listing(r.dir).map((p) => `out/${p}`)]);
  });

  it('fills an empty folder', () => {
    mkdirSync(join(base, 'out'));
    writeOutDir(join(base, 'out'), '/', [file('apps.yaml')]);
    expect(readFileSync(join(base, 'out/dev/flux-system/apps.yaml'), 'utf8')).toBe('apps.yaml\n');
  });

  it('replaces a previous output as a whole, leaving nothing of it behind', () => {
    writeOutDir('out', base, [file('old.yaml'), file('kept.yaml', 'before\n')]);
    writeOutDir('out', base, [file('kept.yaml', 'after\n')]);
    expect(listing(join(base, 'out'))).toEqual([
      OUTPUT_MARKER,
      'dev',
      'dev/flux-system',
      'dev/flux-system/kept.yaml',
    ]);
    expect(readFileSync(join(base, 'out/dev/flux-system/kept.yaml'), 'utf8')).toBe('after\n');
    expect(readdirSync(base)).toEqual(['out']);
  });

  it.each([
    ['a folder with files k8s-ops did not write', () => writeFileSync(join(base, 'out/notes.txt'), 'mine')],
    ['a folder whose marker is a folder', () => mkdirSync(join(base, 'out', OUTPUT_MARKER))],
  ])('refuses %s and changes nothing', (_what, setup) => {
    mkdirSync(join(base, 'out'));
    setup();
    const before = listing(join(base, 'out'));
    const e = diagnosticOf(() => writeOutDir('out', base, [file('apps.yaml')]));
    expect(e.diagnostic).toMatchObject({ rule: 'output', file: 'out' });
    expect(e.message).toMatch(/not replaced|did not write/);
    expect(listing(join(base, 'out'))).toEqual(before);
    expect(readdirSync(base)).toEqual(['out']);
  });

  it('refuses a file in the way', () => {
    writeFileSync(join(base, 'out'), 'x');
    const e = diagnosticOf(() => writeOutDir('out', base, [file('apps.yaml')]));
    expect(e.message).toBe('--out-dir exists and is not a folder');
    expect(readFileSync(join(base, 'out'), 'utf8')).toBe('x');
  });

  it('writes through a symlink at the folder itself, keeping the link', () => {
    mkdirSync(join(base, 'real'));
    symlinkSync(join(base, 'real'), join(base, 'link'));
    const r = writeOutDir('link', base, [file('apps.yaml')]);
    expect(r.dir).toBe(join(base, 'real'));
    expect(existsSync(join(base, 'real/dev/flux-system/apps.yaml'))).toBe(true);
    expect(readdirSync(base).sort()).toEqual(['link', 'real']);
  });

  it('never follows a symlink planted inside a previous output', () => {
    const victim = join(base, 'victim');
    mkdirSync(victim);
    writeFileSync(join(victim, 'keep.txt'), 'keep');
    writeOutDir('out', base, [file('apps.yaml')]);
    // the planted link has the name the next output writes to
    rmSync(join(base, 'out/dev'), { recursive: true });
    symlinkSync(victim, join(base, 'out/dev'));
    writeOutDir('out', base, [file('apps.yaml')]);
    expect(listing(victim)).toEqual(['keep.txt']);
    expect(existsSync(join(base, 'out/dev/flux-system/apps.yaml'))).toBe(true);
  });

  it('leaves the previous output and no work folder when a write fails', () => {
    writeOutDir('out', base, [file('apps.yaml', 'v1\n')]);
    // the same file twice: the second write fails
    const e = diagnosticOf(() => writeOutDir('out', base, [file('x.yaml'), file('x.yaml')]));
    expect(e.message).toMatch(
      /cannot write the output \(EEXIST\); the previous output, if any, is unchanged/,
    );
    expect(readFileSync(join(base, 'out/dev/flux-system/apps.yaml'), 'utf8')).toBe('v1\n');
    expect(readdirSync(base)).toEqual(['out']);
  });

  it('refuses a path that would leave the folder even if the segments slipped through', () => {
    const escape: OutputFile = { segments: ['..', '..', 'x.yaml'], content: 'x' };
    const e = diagnosticOf(() => writeOutDir('a/out', base, [escape]));
    expect(e.diagnostic.rule).toBe('output-path');
    expect(existsSync(join(base, 'x.yaml'))).toBe(false);
    expect(readdirSync(join(base, 'a'))).toEqual([]);
  });

  it('reports the work folders of an interrupted run without removing them', () => {
    mkdirSync(join(base, '.k8s-ops-tmp-out-0123456789ab'));
    const r = writeOutDir('out', base, [file('apps.yaml')]);
    expect(r.leftovers).toEqual([join(base, '.k8s-ops-tmp-out-0123456789ab')]);
    expect(existsSync(r.leftovers[0] ?? '')).toBe(true);
  });

  it('refuses the root folder', () => {
    expect(diagnosticOf(() => writeOutDir('/', base, [])).message).toMatch(/root folder/);
  });
});
