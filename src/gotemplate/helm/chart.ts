/**
 * `.Chart` as helm v4 builds it: the chart metadata turned into a `map[string]interface {}` with
 * Go field names (`Name`, `AppVersion`, …) plus `IsRoot`. Lists become `[]interface {}`,
 * structs inside them maps, and `Annotations` stays a `map[string]string`.
 */
import { newMap, setMapKey, type GoMap, type GoSlice, type GoValue } from '../value.js';

export interface ChartMaintainer {
  name?: string;
  email?: string;
  url?: string;
}

/** A dependency as the chart engine resolved it (import-values already in their map form). */
export interface ChartDependency {
  name: string;
  version?: string;
  repository?: string;
  condition?: string;
  tags?: readonly string[];
  enabled?: boolean;
  importValues?: readonly GoValue[];
  alias?: string;
}

/** Chart.yaml fields, named as in Chart.yaml. */
export interface ChartMetadata {
  name: string;
  version?: string;
  apiVersion?: string;
  appVersion?: string;
  description?: string;
  type?: string;
  annotations?: Readonly<Record<string, string>>;
  keywords?: readonly string[];
  home?: string;
  sources?: readonly string[];
  maintainers?: readonly ChartMaintainer[];
  dependencies?: readonly ChartDependency[];
  kubeVersion?: string;
  deprecated?: boolean;
  icon?: string;
  /** apiVersion v1 charts only (requirements-era fields). */
  condition?: string;
  tags?: string;
}

function strings(list: readonly string[] | undefined): GoSlice {
  return [...(list ?? [])];
}

function maintainer(m: ChartMaintainer): GoMap {
  const out = newMap();
  out.Email = m.email ?? '';
  out.Name = m.name ?? '';
  out.URL = m.url ?? '';
  return out;
}

function dependency(d: ChartDependency): GoMap {
  const out = newMap();
  out.Alias = d.alias ?? '';
  out.Condition = d.condition ?? '';
  out.Enabled = d.enabled ?? false;
  out.ImportValues = [...(d.importValues ?? [])];
  out.Name = d.name;
  out.Repository = d.repository ?? '';
  out.Tags = strings(d.tags);
  out.Version = d.version ?? '';
  return out;
}

function annotations(source: Readonly<Record<string, string>> | undefined): GoMap {
  const out = newMap('map[string]string');
  for (const [k, v] of Object.entries(source ?? {})) setMapKey(out, k, v);
  return out;
}

/** `.Chart` for a chart's templates; `isRoot` is false for a subchart. */
export function makeChart(meta: ChartMetadata, isRoot: boolean): GoMap {
  const chart = newMap();
  chart.APIVersion = meta.apiVersion ?? '';
  chart.Annotations = annotations(meta.annotations);
  chart.AppVersion = meta.appVersion ?? '';
  chart.Condition = meta.condition ?? '';
  chart.Dependencies = (meta.dependencies ?? []).map(dependency);
  chart.Deprecated = meta.deprecated ?? false;
  chart.Description = meta.description ?? '';
  chart.Home = meta.home ?? '';
  chart.Icon = meta.icon ?? '';
  chart.IsRoot = isRoot;
  chart.Keywords = strings(meta.keywords);
  chart.KubeVersion = meta.kubeVersion ?? '';
  chart.Maintainers = (meta.maintainers ?? []).map(maintainer);
  chart.Name = meta.name;
  chart.Sources = strings(meta.sources);
  chart.Tags = meta.tags ?? '';
  chart.Type = meta.type ?? '';
  chart.Version = meta.version ?? '';
  return chart;
}
