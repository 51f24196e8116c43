import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeDirectory } from '../../src/tree/make-dir.js';

const root = mkdtempSync(join(tmpdir(), 'k8s-ops-make-dir-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('makeDirectory', () => {
  it('creates missing parents and accepts an existing directory', () => {
    const deep = join(root, 'a', 'b', 'c');
    makeDirectory(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
    expect(() => makeDirectory(deep)).not.toThrow();
    expect(() => makeDirectory(join(root, 'a'))).not.toThrow();
  });

  it.each([
    ['a file in the way', (file: string) => file, 'EEXIST'],
    ['a file as a parent', (file: string) => join(file, 'below'), 'ENOTDIR'],
  ])('fails at once with %s', (_, path, code) => {
    const file = join(root, `file-${code}`);
    writeFileSync(file, 'x');
    expect(() => makeDirectory(path(file))).toThrow(expect.objectContaining({ code }));
  });

  // Node's own recursive mkdir never returns there.
  it.runIf(existsSync('/proc/self'))('fails at once below /proc', () => {
    expect(() => makeDirectory('/proc/k8s-ops-test/x')).toThrow();
  });
});
