/**
 * The cluster-vars contract (clusters/<cluster>/flux/cluster-vars.yaml): the only variables a
 * platform manifest may use, with the values each cluster sets. One list for every platform test;
 * a new variable goes into both cluster-vars files and here.
 */
export const CLUSTER_NAMES = ['infra', 'apps'] as const;
export type ClusterName = (typeof CLUSTER_NAMES)[number];

const NET: Record<ClusterName, string> = { infra: '10.25.11', apps: '10.25.13' };

/** The seed's values (stories 0.3 and 5.1), PLATFORM.md and the platform's own keys. */
export function clusterVars(c: ClusterName): Record<string, string> {
  const infra = c === 'infra';
  const net = NET[c];
  return {
    CLUSTER_NAME: c,
    CLUSTER_ID: infra ? '1' : '2',
    CLUSTER_DOMAIN: 'monosense.dev',
    CLUSTER_CIDR: `${net}.0/24`,
    CLUSTER_POD_CIDR: infra ? '10.42.0.0/16' : '10.44.0.0/16',
    CLUSTER_SVC_CIDR: infra ? '10.43.0.0/16' : '10.45.0.0/16',
    CLUSTERMESH_POD_CIDR: '10.40.0.0/13',
    CLUSTER_DNS_IP: infra ? '10.43.0.10' : '10.45.0.10',
    CLUSTER_API_ENDPOINT: `https://${net}.10:6443`,
    CLUSTER_VIP: `${net}.10`,
    HUBBLE_UI_ENABLED: infra ? 'true' : 'false',
    OBSERVABILITY_ROLE: infra ? 'hub' : 'spoke',
    OBSERVABILITY_TARGET: 'http://vmsingle.observability.svc.infra.local:8429',
    LOGS_TARGET: 'victoria-logs-global.observability.svc.cluster.local',
    BGP_LOCAL_ASN: infra ? '64512' : '64513',
    BGP_PEER_ASN: '64501',
    BGP_PEER_ADDRESS: `${net}.1`,
    LB_POOL_CIDR: `${net}.64/27`,
    CLUSTERMESH_ENDPOINT: `${net}.70`,
    GATEWAY_EXTERNAL_ADDR: `${net}.71`,
    GATEWAY_INTERNAL_ADDR: `${net}.72`,
    DNS_GATEWAY_ADDR: `${net}.73`,
    BACKUP_S3_ENDPOINT: 'http://10.25.11.3:9000',
    STORAGE_CLASS_BLOCK: 'ceph-block',
    STORAGE_CLASS_LOCAL: 'openebs-hostpath',
    METRICS_RETENTION: '90d',
    LOGS_RETENTION: '30d',
    VOLSYNC_SCHEDULE: '0 */6 * * *',
    TIMEZONE: 'Europe/Berlin',
  };
}

/** The variable names of the contract. */
export const CONTRACT_VARIABLES: ReadonlySet<string> = new Set(Object.keys(clusterVars('infra')));
