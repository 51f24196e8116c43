import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderRepository, type RepositoryRender } from '../../src/render/render-repository.js';
import type { ClusterModel } from '../../src/render/model.js';
import { openWorktree } from '../../src/tree/worktree.js';
import { CLUSTERS, PROJECT_ROOT, field, readYaml, type Cluster, type Doc } from './platform-files.js';

/**
 * The platform's known defects, each pinned by the fact that fixes it, on both clusters as
 * Flux renders them (strict substitution) or on the bootstrap files.
 */

type Release = { name: string; chart: string; version?: string; values?: unknown[] };

let render: RepositoryRender;

function objects(cluster: Cluster): Doc[] {
  const model: ClusterModel | undefined = render.models.find((m) => m.name === cluster);
  if (!model) throw new Error(`cluster ${cluster} was not rendered`);
  return model.kustomizations.flatMap((k) => k.objects.map((o) => o.obj as Doc));
}

function find(cluster: Cluster, kind: string, name: string, namespace?: string): Doc {
  const found = objects(cluster).find(
    (o) =>
      o.kind === kind &&
      field(o, 'metadata', 'name') === name &&
      (namespace === undefined || field(o, 'metadata', 'namespace') === namespace),
  );
  if (!found) throw new Error(`${cluster}: no ${kind} ${namespace ?? '*'}/${name}`);
  return found;
}

function all(cluster: Cluster, kind: string): Doc[] {
  return objects(cluster).filter((o) => o.kind === kind);
}

function values(cluster: Cluster, release: string): Doc {
  return (field(find(cluster, 'HelmRelease', release), 'spec', 'values') ?? {}) as Doc;
}

beforeAll(async () => {
  render = await renderRepository(openWorktree(PROJECT_ROOT), { strict: true });
}, 120_000);

describe.each(CLUSTERS)('bootstrap of %s', (cluster) => {
  const dir = `bootstrap/${cluster}/helmfile.d`;
  const crds = readYaml(`${dir}/00-crds.yaml`);
  const apps = readYaml(`${dir}/01-apps.yaml`);

  it('applies the prometheus-operator CRDs first, then Cilium and Gateway API, at pinned versions', () => {
    const releases = crds.releases as Release[];
    expect(releases.map((r) => r.name)).toStrictEqual([
      'prometheus-operator-crds',
      'cilium-crds-v2',
      'cilium-crds-v2alpha1',
      'gateway-api-crds',
    ]);
    expect(releases[0]?.chart).toBe('prometheus-community/prometheus-operator-crds');
    const flux = readYaml('infrastructure/base/observability/prometheus-operator-crds/app/helmrelease.yaml');
    expect(releases[0]?.version).toBe(field(flux, 'spec', 'chart', 'spec', 'version'));
  });

  it('gives cert-manager CRDs one owner: its release, never the CRD phase', () => {
    const text = readFileSync(join(PROJECT_ROOT, dir, '00-crds.yaml'), 'utf8');
    expect(text).not.toMatch(/jetstack|cert-manager\/|chart: .*cert-manager/);
    expect((apps.releases as Release[]).some((r) => r.name === 'cert-manager')).toBe(true);
    const hr = readYaml('infrastructure/base/security/cert-manager/app/helmrelease.yaml');
    expect(field(hr, 'spec', 'values', 'crds', 'enabled')).toBe(true);
  });

  it('uses no post-renderer (Helm 4 refuses executable ones)', () => {
    for (const file of [crds, apps]) {
      expect(field(file, 'helmDefaults', 'postRenderer')).toBeUndefined();
      for (const r of file.releases as Doc[]) expect(r.postRenderer, String(r.name)).toBeUndefined();
    }
  });
});

describe('rendering', () => {
  it.each(CLUSTERS)('%s renders with no error', (cluster) => {
    expect(objects(cluster).length).toBeGreaterThan(100);
    const errors = render.models
      .find((m) => m.name === cluster)
      ?.diagnostics.filter((d) => d.severity === 'error');
    expect(errors?.map((d) => d.message)).toStrictEqual([]);
  });
});

describe('tool versions', () => {
  it('pins every tool the bootstrap Taskfile needs, Helm 4 among them', () => {
    const mise = readFileSync(join(PROJECT_ROOT, '.mise.toml'), 'utf8');
    const taskfile = readFileSync(join(PROJECT_ROOT, '.taskfiles/bootstrap/Taskfile.yaml'), 'utf8');
    const needed = taskfile.match(/which ([a-z ]+)/)?.[1]?.split(' ') ?? [];
    expect(needed.length).toBeGreaterThan(5);
    const pinned: Record<string, string> = {
      talhelper: 'budimanjojo/talhelper',
      talosctl: 'siderolabs/talos',
      helmfile: 'helmfile/helmfile',
      helm: 'helm/helm',
      kubectl: 'kubernetes/kubectl',
      yq: 'mikefarah/yq',
      op: '1password-cli',
      sops: 'getsops/sops',
    };
    for (const tool of needed) {
      expect(pinned[tool], tool).toBeDefined();
      expect(mise, tool).toMatch(new RegExp(`${pinned[tool] ?? tool}" = "\\d+\\.\\d+\\.\\d+"`));
    }
    expect(mise).toMatch(/"aqua:helm\/helm" = "4\./);
  });
});

describe.each(CLUSTERS)('cross-cluster routing on %s', (cluster) => {
  it('announces every node pod CIDR over BGP, on the peers that take the advertisements', () => {
    const adverts = all(cluster, 'CiliumBGPAdvertisement');
    const pod = adverts.find((a) =>
      (field(a, 'spec', 'advertisements') as Doc[]).some((x) => x.advertisementType === 'PodCIDR'),
    );
    expect(pod).toBeDefined();
    const selector = field(
      find(cluster, 'CiliumBGPPeerConfig', 'bgp-peer-config'),
      'spec',
      'families',
      0,
      'advertisements',
      'matchLabels',
    ) as Record<string, string>;
    for (const [k, v] of Object.entries(selector)) expect(field(pod, 'metadata', 'labels', k)).toBe(v);
  });

  it('routes natively over a CIDR that covers the pod CIDRs of both clusters', () => {
    const cidr = String(values(cluster, 'cilium').ipv4NativeRoutingCIDR);
    expect(cidr).toBe('10.40.0.0/13');
    for (const pods of ['10.42.0.0/16', '10.44.0.0/16']) expect(within(pods, cidr), pods).toBe(true);
    expect(values(cluster, 'cilium').routingMode).toBe('native');
  });
});

function ipv4(address: string): number {
  return address.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
}

/** Whether the CIDR inner lies inside the CIDR outer. */
function within(inner: string, outer: string): boolean {
  const [ia = '', ib = '0'] = inner.split('/');
  const [oa = '', ob = '0'] = outer.split('/');
  const size = 2 ** (32 - Number(ob));
  const start = Math.floor(ipv4(oa) / size) * size;
  return Number(ib) >= Number(ob) && ipv4(ia) >= start && ipv4(ia) < start + size;
}

describe('VictoriaMetrics port 8429 and the spoke target', () => {
  const HUB = 'http://vmsingle-hub.observability.svc.cluster.local:8429';

  it('apps targets the seed value, which CoreDNS resolves to the mesh-wide vmsingle Service', () => {
    const vars = field(find('apps', 'ConfigMap', 'cluster-vars', 'flux-system'), 'data') as Doc;
    expect(vars.OBSERVABILITY_TARGET).toBe('http://vmsingle.observability.svc.infra.local:8429');
    const url = field(find('apps', 'VMAgent', 'vmagent'), 'spec', 'remoteWrite', 0, 'url');
    expect(url).toBe('http://vmsingle.observability.svc.infra.local:8429/api/v1/write');
    const rewrite = (field(values('apps', 'coredns'), 'servers', 0, 'plugins') as Doc[]).find(
      (p) => p.name === 'rewrite',
    );
    expect(rewrite?.parameters).toBe('stop name suffix .svc.infra.local .svc.cluster.local answer auto');
    const stub = find('apps', 'Service', 'vmsingle', 'observability');
    expect(field(stub, 'spec', 'selector')).toBeUndefined();
    expect(field(stub, 'metadata', 'annotations', 'service.cilium.io/global')).toBe('true');
    expect(field(stub, 'spec', 'ports', 0, 'port')).toBe(8429);
  });

  it('infra shares its VMSingle as the global Service vmsingle on 8429', () => {
    const global = find('infra', 'Service', 'vmsingle', 'observability');
    expect(field(global, 'metadata', 'annotations', 'service.cilium.io/global')).toBe('true');
    expect(field(global, 'spec', 'selector')).toStrictEqual({
      'app.kubernetes.io/name': 'vmsingle',
      'app.kubernetes.io/instance': 'hub',
    });
    expect(field(global, 'spec', 'ports', 0)).toMatchObject({ port: 8429, targetPort: 8429 });
  });

  it('every consumer on infra uses 8429: VMAgent, VMAlert, Grafana', () => {
    expect(field(find('infra', 'VMAgent', 'vmagent'), 'spec', 'remoteWrite', 0, 'url')).toBe(
      `${HUB}/api/v1/write`,
    );
    const vmalert = find('infra', 'VMAlert', 'hub');
    for (const key of ['datasource', 'remoteRead', 'remoteWrite']) {
      expect(field(vmalert, 'spec', key, 'url'), key).toBe(HUB);
    }
    const sources = field(
      values('infra', 'grafana'),
      'datasources',
      'datasources.yaml',
      'datasources',
    ) as Doc[];
    expect(sources.find((d) => d.uid === 'victoriametrics')?.url).toBe(HUB);
  });

  it.each(CLUSTERS)('nothing on %s still points at 8428', (cluster) => {
    const stale = objects(cluster)
      .filter((o) => /:8428\b|port: 8428|"port":8428/.test(JSON.stringify(o)))
      .map((o) => `${String(o.kind)}/${String(field(o, 'metadata', 'name'))}`);
    expect(stale).toStrictEqual([]);
  });
});

describe('Mattermost on the shared Postgres', () => {
  it('uses the chart external Postgres settings, its connection string from the ExternalSecret', () => {
    const hr = find('apps', 'HelmRelease', 'mattermost');
    const v = values('apps', 'mattermost');
    expect(v.externalDB).toMatchObject({ enabled: true, externalDriverType: 'postgres' });
    expect(field(v, 'mysql', 'enabled')).toBe(false);
    expect(field(hr, 'spec', 'valuesFrom')).toContainEqual({
      kind: 'Secret',
      name: 'mattermost-postgres',
      valuesKey: 'connection',
      targetPath: 'externalDB.externalConnectionString',
    });
    const es = find('apps', 'ExternalSecret', 'mattermost-postgres');
    const connection = String(field(es, 'spec', 'target', 'template', 'data', 'connection'));
    // The chart prefixes the driver: the string must not carry its own scheme.
    expect(connection).toMatch(
      /^mattermost:\{\{ \.password \| urlquery \}\}@postgres-global-rw\.databases\.svc/,
    );
    expect(connection).toContain(':5432/mattermost?sslmode=require');
  });
});

describe('VolSync backs up every stateful PVC', () => {
  /** Each cluster's stateful PVCs (names the charts and operators give them). */
  const STATEFUL: Record<Cluster, [namespace: string, pvc: string][]> = {
    infra: [
      ['observability', 'vmsingle-hub'],
      ['observability', 'server-volume-victoria-logs-victoria-logs-single-server-0'],
    ],
    apps: [
      ['mattermost', 'mattermost-mattermost-team-edition'],
      ['mattermost', 'mattermost-mattermost-team-edition-plugins'],
      ['harbor', 'harbor-jobservice'],
      ['gitlab', 'repo-data-gitlab-gitaly-0'],
    ],
  };

  describe.each(CLUSTERS)('%s', (cluster) => {
    it.each(STATEFUL[cluster])(
      '%s/%s: every 6 h, 6 hourly / 7 daily / 4 weekly / 6 monthly',
      (namespace, pvc) => {
        const sources = all(cluster, 'ReplicationSource').filter(
          (r) => field(r, 'metadata', 'namespace') === namespace && field(r, 'spec', 'sourcePVC') === pvc,
        );
        expect(sources).toHaveLength(1);
        const spec = field(sources[0], 'spec') as Doc;
        expect(field(spec, 'trigger', 'schedule')).toBe('0 */6 * * *');
        expect(field(spec, 'restic', 'retain')).toStrictEqual({ hourly: 6, daily: 7, weekly: 4, monthly: 6 });
        const repository = String(field(spec, 'restic', 'repository'));
        const secret = find(cluster, 'ExternalSecret', repository, namespace);
        const data = field(secret, 'spec', 'target', 'template', 'data') as Record<string, string>;
        expect(data.RESTIC_REPOSITORY).toMatch(
          new RegExp(`^s3:http://10\\.25\\.11\\.3:9000/volsync/${cluster}/[a-z0-9-]+$`),
        );
        expect(Object.keys(data).sort()).toStrictEqual([
          'AWS_ACCESS_KEY_ID',
          'AWS_SECRET_ACCESS_KEY',
          'RESTIC_PASSWORD',
          'RESTIC_REPOSITORY',
        ]);
      },
    );

    it('gives every ReplicationSource its own restic repository', () => {
      const urls = all(cluster, 'ExternalSecret')
        .map((e) => field(e, 'spec', 'target', 'template', 'data', 'RESTIC_REPOSITORY'))
        .filter((u) => u !== undefined);
      expect(urls.length).toBe(all(cluster, 'ReplicationSource').length);
      expect(new Set(urls).size).toBe(urls.length);
    });
  });
});

describe('SSO declared in Git', () => {
  const CLIENTS = {
    'grafana-oidc': 'https://grafana.monosense.dev/login/generic_oauth',
    'gitlab-oidc': 'https://gitlab.monosense.dev/users/auth/openid_connect/callback',
    'harbor-oidc': 'https://harbor.monosense.dev/c/oidc/callback',
  };

  it('imports the platform realm with the three OIDC clients, secrets from 1Password', () => {
    const realm = find('infra', 'KeycloakRealmImport', 'platform', 'identity');
    expect(field(realm, 'spec', 'keycloakCRName')).toBe('keycloak');
    expect(field(realm, 'spec', 'realm', 'realm')).toBe('platform');
    const clients = field(realm, 'spec', 'realm', 'clients') as Doc[];
    expect(clients.map((c) => c.clientId)).toStrictEqual(Object.keys(CLIENTS));
    const placeholders = field(realm, 'spec', 'placeholders') as Record<string, Doc>;
    const store = field(
      find('infra', 'ExternalSecret', 'keycloak-oidc-clients', 'identity'),
      'spec',
      'data',
    ) as Doc[];
    for (const client of clients) {
      const id = String(client.clientId);
      expect(client.redirectUris, id).toStrictEqual([CLIENTS[id as keyof typeof CLIENTS]]);
      expect(client.publicClient, id).toBe(false);
      // Flux leaves the operator's placeholder, which names a key of the ExternalSecret.
      const name = /^\$\{([A-Z_]+)\}$/.exec(String(client.secret))?.[1] ?? '';
      expect(field(placeholders[name], 'secret', 'name'), id).toBe('keycloak-oidc-clients');
      const key = field(placeholders[name], 'secret', 'key');
      expect(key, id).toBe(id);
      expect(store.find((d) => d.secretKey === key)?.remoteRef, id).toMatchObject({
        property: 'oidc-client-secret',
      });
    }
  });

  it('Grafana and GitLab use their clients of the platform realm', () => {
    const grafana = find('infra', 'ExternalSecret', 'grafana', 'observability');
    expect(field(grafana, 'spec', 'target', 'template', 'data', 'GF_AUTH_GENERIC_OAUTH_CLIENT_ID')).toBe(
      'grafana-oidc',
    );
    expect(
      String(field(values('infra', 'grafana'), 'grafana.ini', 'auth.generic_oauth', 'auth_url')),
    ).toContain('/realms/platform/');
    const gitlab = find('apps', 'ExternalSecret', 'gitlab-oidc', 'gitlab');
    const provider = String(field(gitlab, 'spec', 'target', 'template', 'data', 'provider'));
    expect(provider).toContain('identifier: gitlab-oidc');
    expect(provider).toContain('issuer: https://auth.monosense.dev/realms/platform');
  });

  it('Harbor logs in by OIDC with the harbor-oidc client', () => {
    const env = field(values('apps', 'harbor'), 'core', 'extraEnvVars') as Doc[];
    expect(env).toContainEqual({
      name: 'CONFIG_OVERWRITE_JSON',
      valueFrom: { secretKeyRef: { name: 'harbor-oidc', key: 'CONFIG_OVERWRITE_JSON' } },
    });
    const es = find('apps', 'ExternalSecret', 'harbor-oidc', 'harbor');
    const json = String(field(es, 'spec', 'target', 'template', 'data', 'CONFIG_OVERWRITE_JSON'));
    const settings = JSON.parse(json.replace('{{ .client_secret | toJson }}', '"x"')) as Record<
      string,
      unknown
    >;
    expect(settings).toMatchObject({
      auth_mode: 'oidc_auth',
      oidc_endpoint: 'https://auth.monosense.dev/realms/platform',
      oidc_client_id: 'harbor-oidc',
      oidc_client_secret: 'x',
      oidc_admin_group: 'harbor-admins',
    });
  });

  it('Mattermost signs in through GitLab (Team Edition speaks only GitLab SSO)', () => {
    const config = field(values('apps', 'mattermost'), 'config') as Record<string, string>;
    expect(config.MM_GITLABSETTINGS_ENABLE).toBe('true');
    expect(config.MM_GITLABSETTINGS_AUTHENDPOINT).toBe('https://gitlab.monosense.dev/oauth/authorize');
  });
});

describe('smaller defects', () => {
  it.each(CLUSTERS)('%s: Cilium cgroup.autoMount is the key the chart reads', (cluster) => {
    const cgroup = field(values(cluster, 'cilium'), 'cgroup') as Doc;
    expect(cgroup.autoMount).toStrictEqual({ enabled: false });
    expect(cgroup.automount).toBeUndefined();
  });

  it('Hubble UI runs on infra only, its route with it', () => {
    expect(field(values('infra', 'cilium'), 'hubble', 'ui', 'enabled')).toBe(true);
    expect(field(values('apps', 'cilium'), 'hubble', 'ui', 'enabled')).toBe(false);
    expect(find('infra', 'HTTPRoute', 'hubble-ui', 'kube-system')).toBeDefined();
    expect(
      all('apps', 'HTTPRoute').filter((r) => field(r, 'metadata', 'name') === 'hubble-ui'),
    ).toStrictEqual([]);
  });

  it.each(CLUSTERS)('%s: LB IPs inside the node /24 are also announced on the link', (cluster) => {
    expect(field(values(cluster, 'cilium'), 'l2announcements', 'enabled')).toBe(true);
    const policy = find(cluster, 'CiliumL2AnnouncementPolicy', 'lb-pool');
    expect(field(policy, 'spec', 'loadBalancerIPs')).toBe(true);
    expect(field(policy, 'spec', 'interfaces')).toStrictEqual(['^bond0$']);
    const pool = String(
      field(find(cluster, 'CiliumLoadBalancerIPPool', 'lb-pool'), 'spec', 'blocks', 0, 'cidr'),
    );
    expect(within(pool, cluster === 'infra' ? '10.25.11.0/24' : '10.25.13.0/24')).toBe(true);
  });

  it.each(CLUSTERS)('%s: the Flux Alert flux-sync watches Kustomizations that exist', (cluster) => {
    const sources = field(find(cluster, 'Alert', 'flux-sync'), 'spec', 'eventSources') as Doc[];
    const names = new Set(all(cluster, 'Kustomization').map((k) => field(k, 'metadata', 'name')));
    names.add('repositories'); // the root Kustomization, applied by bootstrap
    for (const s of sources.filter((x) => x.kind === 'Kustomization'))
      expect(names.has(s.name), String(s.name)).toBe(true);
  });

  it.each(CLUSTERS)('%s: no alert needs kube-state-metrics, which the platform does not run', (cluster) => {
    const rules = all(cluster, 'VMRule').flatMap((r) =>
      (field(r, 'spec', 'groups') as Doc[]).flatMap((g) => g.rules as Doc[]),
    );
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.filter((r) => /\bkube_[a-z_]+/.test(String(r.expr))).map((r) => r.alert)).toStrictEqual([]);
    expect(
      objects(cluster).some((o) => /kube-state-metrics/.test(String(field(o, 'metadata', 'name')))),
    ).toBe(false);
  });

  it.each(CLUSTERS)(
    '%s: no dead chart keys (External Secrets sub-monitors, CoreDNS fullnameOverride)',
    (cluster) => {
      const es = values(cluster, 'external-secrets');
      expect(field(es, 'webhook', 'serviceMonitor')).toBeUndefined();
      expect(field(es, 'certController', 'serviceMonitor')).toBeUndefined();
      expect(field(es, 'serviceMonitor', 'enabled')).toBe(true);
      expect(values(cluster, 'coredns').fullnameOverride).toBeUndefined();
    },
  );

  it('Gatus runs on apps (and not on infra), checking the apps and the links to infra', () => {
    const deployment = find('apps', 'Deployment', 'gatus', 'observability');
    expect(String(field(deployment, 'spec', 'template', 'spec', 'containers', 0, 'image'))).toMatch(
      /^ghcr\.io\/twin\/gatus:v\d+\.\d+\.\d+$/,
    );
    const config = all('apps', 'ConfigMap').find((c) =>
      String(field(c, 'metadata', 'name')).startsWith('gatus'),
    );
    const text = String(field(config, 'data', 'config.yaml'));
    for (const url of [
      'vmsingle.observability.svc.infra.local:8429',
      'postgres-global-rw',
      'gitlab',
      'harbor',
      'mattermost',
    ]) {
      expect(text).toContain(url);
    }
    expect(all('infra', 'Deployment').filter((d) => field(d, 'metadata', 'name') === 'gatus')).toStrictEqual(
      [],
    );
  });

  it('GitLab routes the registry, KAS and SSH', () => {
    const registry = find('apps', 'HTTPRoute', 'gitlab-registry', 'gitlab');
    expect(field(registry, 'spec', 'hostnames')).toStrictEqual(['registry.monosense.dev']);
    expect(field(registry, 'spec', 'rules', 0, 'backendRefs', 0)).toMatchObject({
      name: 'gitlab-registry',
      port: 5000,
    });
    const kas = find('apps', 'HTTPRoute', 'gitlab-kas', 'gitlab');
    expect(field(kas, 'spec', 'hostnames')).toStrictEqual(['kas.monosense.dev']);
    const ports = (field(kas, 'spec', 'rules') as Doc[]).map((r) => field(r, 'backendRefs', 0, 'port'));
    expect(ports).toStrictEqual([8154, 8150]);
    const ssh = find('apps', 'TCPRoute', 'gitlab-shell', 'gitlab');
    expect(field(ssh, 'spec', 'parentRefs', 0)).toMatchObject({ name: 'external', sectionName: 'ssh' });
    const listeners = field(find('apps', 'Gateway', 'external', 'network'), 'spec', 'listeners') as Doc[];
    expect(listeners.find((l) => l.name === 'ssh')).toMatchObject({ protocol: 'TCP', port: 22 });
  });

  it('Harbor internal secrets come from ExternalSecrets, so upgrades do not rotate them', () => {
    const v = values('apps', 'harbor');
    expect(v).toMatchObject({
      existingSecretAdminPassword: 'harbor-secrets',
      existingSecretSecretKey: 'harbor-secrets',
    });
    expect(v.core).toMatchObject({
      existingSecret: 'harbor-internal',
      existingXsrfSecret: 'harbor-internal',
      existingXsrfSecretKey: 'CSRF_KEY',
      secretName: 'harbor-token',
    });
    expect(v.jobservice).toMatchObject({
      existingSecret: 'harbor-internal',
      existingSecretKey: 'JOBSERVICE_SECRET',
    });
    expect(v.registry).toMatchObject({
      existingSecret: 'harbor-internal',
      existingSecretKey: 'REGISTRY_HTTP_SECRET',
    });
    const keys = (
      field(find('apps', 'ExternalSecret', 'harbor-internal', 'harbor'), 'spec', 'data') as Doc[]
    ).map((d) => d.secretKey);
    expect(keys).toEqual(
      expect.arrayContaining([
        'secret',
        'CSRF_KEY',
        'JOBSERVICE_SECRET',
        'REGISTRY_HTTP_SECRET',
        'REGISTRY_PASSWD',
      ]),
    );
    const token = find('apps', 'ExternalSecret', 'harbor-token', 'harbor');
    expect((field(token, 'spec', 'data') as Doc[]).map((d) => d.secretKey)).toStrictEqual([
      'tls.crt',
      'tls.key',
    ]);
  });
});

describe.each(CLUSTERS)('Talos patches of %s', (cluster) => {
  const dir = `clusters/${cluster}/talos/patches`;

  it('use the v1.12 documents for resolvers and time, not deprecated machine fields', () => {
    const network = readYaml(`${dir}/global/machine-network.yaml`);
    expect(network).toMatchObject({ apiVersion: 'v1alpha1', kind: 'ResolverConfig' });
    expect(network.nameservers).toStrictEqual([
      { address: cluster === 'infra' ? '10.25.11.1' : '10.25.13.1' },
    ]);
    expect(readYaml(`${dir}/global/machine-time.yaml`)).toMatchObject({
      kind: 'TimeSyncConfig',
      enabled: true,
    });
    for (const file of [
      'machine-network',
      'machine-time',
      'machine-kubelet',
      'machine-files',
      'machine-sysctls',
    ]) {
      const doc = readYaml(`${dir}/global/${file}.yaml`);
      expect(field(doc, 'machine', 'network', 'nameservers'), file).toBeUndefined();
      expect(field(doc, 'machine', 'time'), file).toBeUndefined();
    }
  });

  it('bind-mounts the OpenEBS hostpath directory into the kubelet', () => {
    const mounts = field(
      readYaml(`${dir}/global/machine-kubelet.yaml`),
      'machine',
      'kubelet',
      'extraMounts',
    ) as Doc[];
    const hr = readYaml('infrastructure/base/storage/openebs/app/helmrelease.yaml');
    const base = JSON.stringify(hr).match(/"basePath":"([^"]+)"/)?.[1];
    expect(base).toBe('/var/openebs/local');
    expect(mounts).toContainEqual({
      destination: base,
      type: 'bind',
      source: base,
      options: ['bind', 'rshared', 'rw'],
    });
  });
});
