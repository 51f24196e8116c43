/** The process edges the CLI touches, passed in so commands run the same in tests. */
export interface Io {
  cwd: string;
  /** Whether stderr is a terminal (progress indicators, colour). */
  isTTY?: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
}

export function processIo(): Io {
  return {
    cwd: process.cwd(),
    isTTY: process.stderr.isTTY === true,
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  };
}
