import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import {
  CLUSTERS,
  type Cluster,
  PROJECT_ROOT,
  SCHEMAS_DIR,
  field,
  readJson,
  readYaml,
  readYamlDocs,
  schemasAvailable,
} from './platform-files.js';

const NET: Record<Cluster, string> = { infra: '10.25.11', apps: '10.25.13' };

/** The patch files a talconfig references ("@./patches/..."), relative to its directory. */
function patchFiles(config: unknown): string[] {
  const lists = [
    field(config, 'patches'),
    field(config, 'controlPlane', 'patches'),
    field(config, 'worker', 'patches'),
  ];
  return lists
    .flatMap((l) => (Array.isArray(l) ? (l as string[]) : []))
    .map((p) => p.replace(/^@\.?\/?/, ''));
}

describe.each(CLUSTERS)('cluster %s: Talos (talhelper)', (cluster) => {
  const dir = `clusters/${cluster}/talos`;
  const net = NET[cluster];

  it.skipIf(!schemasAvailable())('talconfig.yaml validates against the talhelper schema', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(readJson(join(SCHEMAS_DIR, 'other', 'talconfig.json')));
    const ok = validate(readYaml(`${dir}/talconfig.yaml`));
    expect(validate.errors ?? []).toStrictEqual([]);
    expect(ok).toBe(true);
  });

  it('pins Talos v1.12.0 and Kubernetes v1.35.0 behind the VIP', () => {
    const config = readYaml(`${dir}/talconfig.yaml`);
    expect(config.clusterName).toBe(cluster);
    expect(config.talosVersion).toBe('v1.12.0');
    expect(config.kubernetesVersion).toBe('v1.35.0');
    expect(config.endpoint).toBe(`https://${net}.10:6443`);
    expect(config.clusterPodNets).toStrictEqual([cluster === 'infra' ? '10.42.0.0/16' : '10.44.0.0/16']);
    expect(config.clusterSvcNets).toStrictEqual([cluster === 'infra' ? '10.43.0.0/16' : '10.45.0.0/16']);
    expect(field(config, 'cniConfig', 'name')).toBe('none');
  });

  it('has three control-plane and three worker nodes with bond0 802.3ad, MTU 9000', () => {
    const nodes = readYaml(`${dir}/talconfig.yaml`).nodes as Record<string, unknown>[];
    expect(nodes.map((n) => [n.ipAddress, n.controlPlane])).toStrictEqual([
      [`${net}.11`, true],
      [`${net}.12`, true],
      [`${net}.13`, true],
      [`${net}.14`, false],
      [`${net}.15`, false],
      [`${net}.16`, false],
    ]);
    for (const node of nodes) {
      const bond = (node.networkInterfaces as Record<string, unknown>[]).find((i) => i.interface === 'bond0');
      expect(bond, `bond0 on ${String(node.hostname)}`).toBeDefined();
      expect(field(bond, 'bond', 'mode')).toBe('802.3ad');
      expect(field(bond, 'mtu')).toBe(9000);
      expect(field(bond, 'addresses')).toStrictEqual([`${String(node.ipAddress)}/24`]);
      expect(field(bond, 'vip', 'ip')).toBe(node.controlPlane ? `${net}.10` : undefined);
    }
  });

  it('patches disable kube-proxy and the Talos CNI, and every referenced patch exists and parses', () => {
    const config = readYaml(`${dir}/talconfig.yaml`);
    const files = patchFiles(config);
    expect(files.some((f) => f.startsWith('patches/global/'))).toBe(true);
    expect(files.some((f) => f.startsWith('patches/controller/'))).toBe(true);
    expect(files.some((f) => f.startsWith('patches/worker/'))).toBe(true);
    const patches = files.flatMap((f) => readYamlDocs(join(PROJECT_ROOT, dir, f)));
    expect(patches.some((p) => field(p, 'cluster', 'proxy', 'disabled') === true)).toBe(true);
    expect(patches.some((p) => field(p, 'cluster', 'network', 'cni', 'name') === 'none')).toBe(true);
  });
});
