/**
 * docs/rules.md lists exactly the rules of the registry, with their default severity and
 * description. When this fails, paste the expected rows it prints into the tables.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_RULES, OTHER_FINDINGS, type RuleInfo } from '../../src/checks/registry.js';

const DOC = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');

/** The table rows of the section under `heading`, up to the next heading. */
function rows(heading: string): string[] {
  const start = DOC.indexOf(`\n## ${heading}\n`);
  expect(start, `docs/rules.md has no "## ${heading}" section`).toBeGreaterThanOrEqual(0);
  const rest = DOC.slice(start + heading.length + 5);
  const section = rest.slice(0, rest.search(/\n## |$/));
  return section.split('\n').filter((l) => l.startsWith('| `'));
}

const row = (r: RuleInfo) => `| \`${r.id}\` | ${r.severity} | ${r.description.replaceAll('|', '\\|')} |`;

describe('docs/rules.md', () => {
  it.each<[string, readonly RuleInfo[]]>([
    ['Rules', ALL_RULES],
    ['Other findings', OTHER_FINDINGS],
  ])('section %s lists exactly these ids and descriptions', (heading, expected) => {
    expect(rows(heading).join('\n')).toBe(
      [...expected]
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map(row)
        .join('\n'),
    );
  });
});
