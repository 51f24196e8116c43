/**
 * SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`): the rules of
 * the registry as tool.driver.rules, one result per finding with its file and position.
 */
import type { Diagnostic, Severity } from '../core/diagnostic.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SARIF_VERSION = '2.1.0';

export interface SarifRuleInfo {
  id: string;
  severity: Severity;
  description: string;
}

export interface SarifOptions {
  /** Every rule the run knows, documented or not; ids found only in results are added. */
  rules: readonly SarifRuleInfo[];
  toolVersion: string;
  informationUri?: string;
}

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifRule {
  id: string;
  shortDescription: { text: string };
  defaultConfiguration: { level: Level };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: Level;
  message: { text: string };
  locations?: {
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId: string };
      region?: { startLine: number; startColumn?: number };
    };
  }[];
}

export interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri?: string; rules: SarifRule[] } };
    results: SarifResult[];
  }[];
}

/** A repository path as a relative URI reference: each segment percent-encoded. */
function fileUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function result(d: Diagnostic, ruleIndex: number): SarifResult {
  const text = d.hint ? `${d.message}\nhint: ${d.hint}` : d.message;
  // GitHub needs a location to show a result; repository-level findings have none to give.
  const locations = d.file
    ? [
        {
          physicalLocation: {
            artifactLocation: { uri: fileUri(d.file), uriBaseId: '%SRCROOT%' },
            ...(d.line
              ? { region: { startLine: d.line, ...(d.column ? { startColumn: d.column } : {}) } }
              : {}),
          },
        },
      ]
    : undefined;
  return {
    ruleId: d.rule,
    ruleIndex,
    level: LEVEL[d.severity],
    message: { text },
    ...(locations ? { locations } : {}),
  };
}

export function sarifLog(diagnostics: readonly Diagnostic[], options: SarifOptions): SarifLog {
  const rules: SarifRule[] = [];
  const index = new Map<string, number>();
  const add = (id: string, severity: Severity, description: string) => {
    if (index.has(id)) return;
    index.set(id, rules.length);
    rules.push({
      id,
      shortDescription: { text: description },
      defaultConfiguration: { level: LEVEL[severity] },
    });
  };
  for (const r of options.rules) add(r.id, r.severity, r.description);
  // Render diagnostics (kustomize-build, yaml-syntax, ...) carry ids that are not check rules.
  for (const d of diagnostics) add(d.rule, d.severity, `k8s-ops ${d.rule}`);
  return {
    $schema: SARIF_SCHEMA,
    version: SARIF_VERSION,
    runs: [
      {
        tool: {
          driver: {
            name: 'k8s-ops',
            version: options.toolVersion,
            ...(options.informationUri ? { informationUri: options.informationUri } : {}),
            rules,
          },
        },
        results: diagnostics.map((d) => result(d, index.get(d.rule) ?? 0)),
      },
    ],
  };
}

export function formatSarif(diagnostics: readonly Diagnostic[], options: SarifOptions): string {
  return `${JSON.stringify(sarifLog(diagnostics, options), null, 2)}\n`;
}
