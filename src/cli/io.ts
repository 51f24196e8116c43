/** The process edges the CLI touches, passed in so commands run the same in tests. */
export interface Io {
  cwd: string;
  /** Whether stderr is a terminal (progress indicators, colour). */
  isTTY?: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
  /** The whole standard input (`-f -`); absent where there is none to read. */
  readStdin?(): Promise<string>;
}

export function processIo(): Io {
  return {
    cwd: process.cwd(),
    isTTY: process.stderr.isTTY === true,
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}
