import { DiagnosticError } from '../core/diagnostic.js';

const REASONS: Readonly<Record<string, [string, string]>> = {
  EACCES: ['permission denied', 'make it readable, or list it in .sourceignore if no cluster needs it'],
  EPERM: ['operation not permitted', 'make it readable, or list it in .sourceignore if no cluster needs it'],
  ENAMETOOLONG: ['the path is longer than the file system allows', 'shorten the names of its folders'],
  ELOOP: ['too many levels of symbolic links', 'remove the symbolic link loop'],
  ENOTDIR: ['a part of the path is a file, not a directory', 'fix the path'],
  EISDIR: ['it is a directory, not a file', 'fix the path'],
  ENOENT: ['it does not exist', 'fix the path'],
  EIO: ['the disk reported an input/output error', 'check the file system'],
  EMFILE: ['too many files are open', 'raise the limit of open files (ulimit -n)'],
};

/**
 * A failed read of the repository as a diagnostic: which path, what the system said, and what
 * to do. Anything that is not a system error is a bug and is rethrown as it is.
 */
export function readFailure(path: string, error: unknown, what: 'file' | 'directory'): DiagnosticError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string') throw error;
  const [reason, hint] = REASONS[code] ?? [
    `the system reported ${code}`,
    'check the file and its permissions',
  ];
  return new DiagnosticError({
    rule: 'unreadable-file',
    file: path === '' ? '.' : path,
    message: `cannot read the ${what} '${path === '' ? '.' : path}': ${reason} (${code})`,
    hint,
  });
}
