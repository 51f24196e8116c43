import type { SchemaCacheIo } from './types.js';

/**
 * Writes `text` to `target` beside it and renames it into place: a reader never sees half a
 * file, concurrent writers cannot mix, and a failed write leaves the previous file (or none).
 * `tag` makes the temporary name unique to this writer. Throws what the write threw, after
 * removing the temporary file.
 */
export function writeAtomically(
  io: Pick<SchemaCacheIo, 'mkdirp' | 'writeFile' | 'rename' | 'removeFile'>,
  target: string,
  text: string,
  tag: string,
): void {
  const temp = `${target}.${tag}.tmp`;
  try {
    io.mkdirp(target.slice(0, target.lastIndexOf('/')));
    io.writeFile(temp, text);
    io.rename(temp, target);
  } catch (e) {
    try {
      io.removeFile(temp);
    } catch {
      // nothing to clean up
    }
    throw e;
  }
}
