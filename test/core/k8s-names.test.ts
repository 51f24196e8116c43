/** Names and namespaces as the Kubernetes API server validates them. */
import { describe, expect, it } from 'vitest';
import { dns1123LabelProblem, dns1123SubdomainProblem } from '../../src/core/k8s-names.js';

describe('Kubernetes names', () => {
  it.each([
    ['flux-system', true, true],
    ['a', true, true],
    ['0abc', true, true],
    ['a.b', false, true],
    ['a'.repeat(63), true, true],
    ['a'.repeat(64), false, true],
    ['a'.repeat(253), false, true],
    ['a'.repeat(254), false, false],
    ['', false, false],
    ['-a', false, false],
    ['a-', false, false],
    ['A', false, false],
    ['.', false, false],
    ['..', false, false],
    ['a..b', false, false],
    ['.a', false, false],
    ['a/b', false, false],
    ['../x', false, false],
    ['/etc', false, false],
    ['%2e%2e%2fx', false, false],
    ['a\\b', false, false],
    ['a\u0000b', false, false],
    ['a\nb', false, false],
    ['ä', false, false],
  ])('%j: label %s, subdomain %s', (value, label, subdomain) => {
    expect(dns1123LabelProblem(value) === undefined).toBe(label);
    expect(dns1123SubdomainProblem(value) === undefined).toBe(subdomain);
  });
});
