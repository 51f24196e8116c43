export interface HelmRun {
  ok: boolean;
  status: number;
  stdout: string;
  stderr: string;
}
export interface HelmRunOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** Kill helm after this long (a run that hangs is then an error); none by default. */
  timeoutMs?: number;
}
export function locateHelm(): { path: string; reason?: undefined } | { path?: undefined; reason: string };
export function runHelmSync(args: readonly string[], options?: HelmRunOptions): HelmRun;
export function runHelmAsync(args: readonly string[], options?: HelmRunOptions): Promise<HelmRun>;
