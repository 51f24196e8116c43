/** One RepositoryDiff with every kind of change, for the format tests. */
import { diffClusters, type RepositoryDiff } from '../../src/diff/index.js';
import { cluster, cm, hr, hrObj, ks, secret } from './models.js';

export function sampleDiff(): RepositoryDiff {
  const before = hrObj('podinfo', '6.5.0', { replicas: 1 });
  const after = hrObj('podinfo', '6.6.0', { replicas: 3 });
  const diff = diffClusters(
    [
      cluster(
        'apps',
        [
          ks('apps', [cm('app', { color: 'red' }), secret('creds', { token: 'old' }), before]),
          ks('infra', [cm('moving', {})]),
          ks('db', [cm('db', {})]),
        ],
        [hr(before, 'apps')],
      ),
      cluster('infra', [ks('apps', [cm('app', {})])]),
    ],
    [
      cluster(
        'apps',
        [
          ks('apps', [
            cm('app', { color: 'blue' }),
            secret('creds', { token: 'new' }),
            after,
            cm('moving', {}),
            cm('new', {}),
          ]),
          ks('infra', []),
          ks('db', [], 'failed', {
            reason: 'variable substitution failed: variable not set (strict mode): "DB_HOST"',
          }),
        ],
        [hr(after, 'apps')],
      ),
      cluster('infra', [ks('apps', [cm('app', {})])]),
    ],
  );
  return { base: 'main@1234567', head: 'working tree', ...diff };
}
