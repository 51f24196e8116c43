import type { Gvk } from './types.js';

/** `apps/v1` → group `apps`, version `v1`; `v1` → core group ''. */
export function parseApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

export function toGvk(apiVersion: string, kind: string): Gvk {
  return { ...parseApiVersion(apiVersion), kind };
}

export function apiVersionOf(gvk: Gvk): string {
  return gvk.group === '' ? gvk.version : `${gvk.group}/${gvk.version}`;
}

/** A map key for a GVK. */
export function gvkKey(gvk: Gvk): string {
  return `${gvk.group}/${gvk.version}/${gvk.kind}`;
}

export function formatGvk(gvk: Gvk): string {
  return `${apiVersionOf(gvk)} ${gvk.kind}`;
}

/** Groups whose kinds the Flux models validate; pass `isFluxGroup` as the registry's `skip`. */
export const FLUX_GROUP_SUFFIXES: readonly string[] = ['.toolkit.fluxcd.io', 'fluxcd.controlplane.io'];

export function isFluxGroup(gvk: Gvk): boolean {
  return FLUX_GROUP_SUFFIXES.some((s) => gvk.group === s || gvk.group.endsWith(s));
}
