/** Thrown for bad command-line input: exit code 2. */
export class UsageError extends Error {}
