/**
 * Every corpus repository rendered twice, with the substitution fast path and with every object
 * forced through the text round trip: the renders must be identical. The share of substituted
 * objects the fast path handled is printed, and must stay high for the fast path to be worth it.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { substituteFastPath } from '../../src/flux/substitute.js';
import { renderRepository } from '../../src/render/render-repository.js';
import { openWorktree } from '../../src/tree/worktree.js';
import { CORPUS_DIR, corpusRepos, sharedAvailable } from '../helpers/shared.js';

const available = sharedAvailable();

interface Pass {
  json: string;
  fast: number;
  text: number;
}

async function render(repo: string, fastPath: boolean): Promise<Pass> {
  substituteFastPath.enabled = fastPath;
  substituteFastPath.fast = 0;
  substituteFastPath.text = 0;
  const result = await renderRepository(openWorktree(join(CORPUS_DIR, repo)), { strict: true });
  const { models, diagnostics } = result;
  return {
    json: JSON.stringify({ models, diagnostics }),
    fast: substituteFastPath.fast,
    text: substituteFastPath.text,
  };
}

describe.skipIf(!available)('corpus: substitution fast path equals the text round trip', () => {
  afterEach(() => {
    substituteFastPath.enabled = true;
  });

  it('renders every repository the same either way', async () => {
    const totals = { fast: 0, all: 0 };
    for (const repo of corpusRepos()) {
      const reference = await render(repo, false);
      const fast = await render(repo, true);
      expect(reference.fast).toBe(0);
      expect(fast.json === reference.json, `${repo}: renders differ`).toBe(true);
      // The same objects were substituted either way.
      expect(fast.fast + fast.text).toBe(reference.text);
      totals.fast += fast.fast;
      totals.all += reference.text;
      console.log(`${repo}: ${fast.fast} of ${reference.text} substituted objects took the fast path`);
    }
    console.log(`corpus: ${totals.fast} of ${totals.all} substituted objects took the fast path`);
    expect(totals.all).toBeGreaterThan(0);
    expect(totals.fast / totals.all).toBeGreaterThan(0.9);
  });
});
