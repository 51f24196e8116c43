/** Reads, records and publishes the arrival notes of arrival.ts through a GitRunner. */
import { DiagnosticError } from '../core/diagnostic.js';
import { gitFailure, type GitRunner } from '../tree/git-runner.js';
import { ARRIVAL_NOTES_REF, arrivalLine, MAX_ARRIVAL_NOTE_BYTES, parseArrivalNote } from './arrival.js';

const HEX_ID = /^[0-9a-f]{40,64}$/;

async function runOk(git: GitRunner, args: string[], input?: string): Promise<Uint8Array> {
  const out = await git.run(args, input);
  if (out.code !== 0) throw gitFailure(git, args, out);
  return out.stdout;
}

const decoder = new TextDecoder();

/** Note blob id by commit id, for the commits in `wanted`. */
async function noteBlobs(git: GitRunner, wanted: ReadonlySet<string>): Promise<Map<string, string>> {
  const text = decoder.decode(await runOk(git, ['notes', `--ref=${ARRIVAL_NOTES_REF}`, 'list']));
  const blobs = new Map<string, string>();
  for (const line of text.split('\n')) {
    const [blob = '', commit = ''] = line.split(' ');
    if (HEX_ID.test(blob) && wanted.has(commit)) blobs.set(commit, blob);
  }
  return blobs;
}

/** Blob ids no larger than MAX_ARRIVAL_NOTE_BYTES: a huge note is not read into memory. */
async function smallBlobs(git: GitRunner, blobs: readonly string[]): Promise<string[]> {
  const out = decoder.decode(await runOk(git, ['cat-file', '--batch-check'], `${blobs.join('\n')}\n`));
  return out
    .split('\n')
    .map((l) => l.split(' '))
    .filter(
      ([id = '', type, size]) => HEX_ID.test(id) && type === 'blob' && Number(size) <= MAX_ARRIVAL_NOTE_BYTES,
    )
    .map(([id = '']) => id);
}

/** Contents of blobs by id, from one `git cat-file --batch` (header line, bytes, newline). */
async function blobTexts(git: GitRunner, blobs: readonly string[]): Promise<Map<string, string>> {
  const out = await runOk(git, ['cat-file', '--batch'], `${blobs.join('\n')}\n`);
  const texts = new Map<string, string>();
  for (let at = 0; at < out.length;) {
    const eol = out.indexOf(10, at);
    if (eol < 0) break;
    const header = decoder.decode(out.subarray(at, eol)).split(' ');
    if (header.length !== 3) break; // "<id> missing": nothing follows
    const [id = '', , size = ''] = header;
    const length = Number(size);
    texts.set(id, decoder.decode(out.subarray(eol + 1, eol + 1 + length)));
    at = eol + 1 + length + 1;
  }
  return texts;
}

/** The recorded arrivals on `branch` of the commits `ids`, seconds since the epoch. */
export async function readArrivals(
  git: GitRunner,
  branch: string,
  ids: readonly string[],
): Promise<Map<string, number>> {
  const arrivals = new Map<string, number>();
  if (ids.length === 0) return arrivals;
  const byCommit = await noteBlobs(git, new Set(ids));
  if (byCommit.size === 0) return arrivals;
  const texts = await blobTexts(git, await smallBlobs(git, [...new Set(byCommit.values())]));
  for (const [commit, blob] of byCommit) {
    const text = texts.get(blob);
    const seconds = text === undefined ? undefined : parseArrivalNote(text, branch);
    if (seconds !== undefined) arrivals.set(commit, seconds);
  }
  return arrivals;
}

/** Identity flags for the notes commit when git has none configured (a bare CI runner). */
async function identityArgs(git: GitRunner): Promise<string[]> {
  const ident = await git.run(['var', 'GIT_COMMITTER_IDENT']);
  return ident.code === 0 ? [] : ['-c', 'user.name=k8s-ops', '-c', 'user.email=k8s-ops@localhost'];
}

/**
 * Records that `id` is on `branch` at `now`, unless an arrival is recorded already.
 * Returns the time recorded, or undefined when nothing was written.
 */
export async function recordArrival(
  git: GitRunner,
  branch: string,
  id: string,
  now: number,
): Promise<number | undefined> {
  if ((await readArrivals(git, branch, [id])).has(id)) return undefined;
  const seconds = Math.floor(now);
  const args = [
    ...(await identityArgs(git)),
    'notes',
    `--ref=${ARRIVAL_NOTES_REF}`,
    'append',
    '-m',
    arrivalLine(branch, seconds),
    id,
  ];
  await runOk(git, args);
  return seconds;
}

/** Pushes the arrival notes to `remote`, never forced. */
export async function pushArrivals(git: GitRunner, remote: string): Promise<void> {
  const has = await git.run(['rev-parse', '--verify', '--quiet', ARRIVAL_NOTES_REF]);
  if (has.code !== 0) return;
  const out = await git.run(['push', '--porcelain', remote, `${ARRIVAL_NOTES_REF}:${ARRIVAL_NOTES_REF}`]);
  if (out.code === 0) return;
  const why = out.stderr.split('\n').find((l) => l.trim() !== '') ?? `exit code ${out.code}`;
  throw new DiagnosticError({
    rule: 'promote-push-rejected',
    message: `push of ${ARRIVAL_NOTES_REF} to '${remote}' was rejected: ${why.trim()}`,
    hint: `fetch the notes first (git fetch ${remote} ${ARRIVAL_NOTES_REF}:${ARRIVAL_NOTES_REF}) and run again`,
  });
}
