/** Bounds on what a server can make retrieval read or wait for. */
export interface ChartLimits {
  /** A HelmRepository index.yaml (source-controller allows 50 MiB). */
  maxIndexBytes: number;
  /** A chart archive (source-controller's default `--helm-chart-max-size` is 10 MiB). */
  maxChartBytes: number;
  /** An OCI manifest or index (the distribution spec's 4 MiB). */
  maxManifestBytes: number;
  /** One page of an OCI tags list, or a token response. */
  maxSmallBytes: number;
  /** Pages of an OCI tags list followed through `Link` headers. */
  maxTagPages: number;
  /** Redirects followed by one request. */
  maxRedirects: number;
}

export const DEFAULT_CHART_LIMITS: Readonly<ChartLimits> = {
  maxIndexBytes: 64 * 1024 * 1024,
  maxChartBytes: 10 * 1024 * 1024,
  maxManifestBytes: 4 * 1024 * 1024,
  maxSmallBytes: 4 * 1024 * 1024,
  maxTagPages: 200,
  maxRedirects: 5,
};
