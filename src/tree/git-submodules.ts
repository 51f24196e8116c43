/**
 * Submodules of a revision, read as a checkout shows them: a submodule checked out in the
 * working tree holds the files of the commit the revision records; one that is not checked
 * out is an empty folder (what `git clone` leaves without `--recurse-submodules`). So a
 * revision and the working tree it was checked out to hold the same files.
 */
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticError } from '../core/diagnostic.js';
import { listCommitTree, type TreeEntry } from './git-objects.js';
import { gitText, type GitRunner } from './git-runner.js';

export const SUBMODULE = '160000';
// Submodules inside submodules: deeper ones are left empty, as a bound on a hostile chain.
const MAX_SUBMODULE_DEPTH = 8;

export interface ExpandedListing {
  /** Every file, submodules' files included, with paths from the revision's root. */
  entries: TreeEntry[];
  /** The repository each submodule blob is read from (blobs absent here are the superproject's). */
  owners: Map<string, GitRunner>;
  /** Submodule folders, present even when empty. */
  dirs: string[];
  /** Submodules whose checkout lacks the recorded commit: reading in them fails with this. */
  broken: Map<string, DiagnosticError>;
}

/** The top of the working tree `git` runs in; undefined for a bare repository. */
async function topLevel(git: GitRunner): Promise<string | undefined> {
  const out = await git.run(['rev-parse', '--show-toplevel']);
  const top = gitText(out).trim();
  return out.code === 0 && top !== '' ? top : undefined;
}

function realDir(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/** A runner for the submodule checked out at `dir`, or undefined when none is. */
async function checkoutAt(git: GitRunner, dir: string): Promise<GitRunner | undefined> {
  const real = realDir(dir);
  if (!git.at || real === undefined) return undefined;
  const sub = git.at(real);
  // An empty folder is inside the superproject: git would answer for the superproject.
  const top = await topLevel(sub);
  return top !== undefined && realDir(top) === real ? sub : undefined;
}

function missingCommit(path: string, entry: TreeEntry): DiagnosticError {
  return new DiagnosticError({
    rule: 'git-failed',
    file: path,
    message: `submodule '${path}' records commit ${entry.id.slice(0, 12)}, which its checkout does not hold`,
    hint: 'run `git submodule update --init` (or fetch in the submodule) and try again',
  });
}

/** `listing` with each submodule entry replaced by the files of its recorded commit. */
export async function expandSubmodules(
  git: GitRunner,
  listing: readonly TreeEntry[],
): Promise<ExpandedListing> {
  const out: ExpandedListing = { entries: [], owners: new Map(), dirs: [], broken: new Map() };
  await expandInto(out, git, listing, '', undefined, 0);
  return out;
}

async function expandInto(
  out: ExpandedListing,
  git: GitRunner,
  listing: readonly TreeEntry[],
  prefix: string,
  owner: GitRunner | undefined,
  depth: number,
): Promise<void> {
  const modules: TreeEntry[] = [];
  for (const e of listing) {
    if (e.mode === SUBMODULE) {
      modules.push(e);
      continue;
    }
    out.entries.push(prefix === '' ? e : { ...e, path: `${prefix}/${e.path}` });
    if (owner) out.owners.set(e.id, owner);
  }
  if (modules.length === 0) return;
  const top = depth < MAX_SUBMODULE_DEPTH ? await topLevel(git) : undefined;
  for (const m of modules) {
    const path = prefix === '' ? m.path : `${prefix}/${m.path}`;
    out.dirs.push(path);
    const sub = top === undefined ? undefined : await checkoutAt(git, join(top, m.path));
    if (!sub) continue;
    let inner: TreeEntry[];
    try {
      inner = await listCommitTree(sub, m.id);
    } catch (e) {
      if (!(e instanceof DiagnosticError)) throw e;
      out.broken.set(path, missingCommit(path, m));
      continue;
    }
    await expandInto(out, sub, inner, path, sub, depth + 1);
  }
}
