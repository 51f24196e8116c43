/**
 * JUnit XML for CI test reports: one testsuite per file, one testcase per finding; errors
 * are failures, warnings and infos pass with their text in system-out.
 */
import type { Diagnostic } from '../core/diagnostic.js';

/** XML text and attribute escaping; control characters XML 1.0 cannot hold are dropped. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function position(d: Diagnostic): string {
  return d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : '';
}

function testcase(d: Diagnostic, suite: string): string[] {
  const name = xmlEscape(`${d.rule}${position(d)}`);
  const text = xmlEscape(d.hint ? `${d.message}\nhint: ${d.hint}` : d.message);
  const open = `    <testcase name="${name}" classname="${xmlEscape(suite)}"`;
  if (d.severity === 'error') {
    return [
      `${open}>`,
      `      <failure message="${xmlEscape(d.message)}" type="${xmlEscape(d.rule)}">${text}</failure>`,
      '    </testcase>',
    ];
  }
  return [`${open}>`, `      <system-out>${d.severity}: ${text}</system-out>`, '    </testcase>'];
}

/** Diagnostics in file order (runChecks sorts them). */
export function formatJunit(diagnostics: readonly Diagnostic[], clusters: number): string {
  const suites = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const name = d.file || '(repository)';
    suites.set(name, [...(suites.get(name) ?? []), d]);
  }
  const failures = diagnostics.filter((d) => d.severity === 'error').length;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="k8s-ops check" tests="${Math.max(diagnostics.length, 1)}" failures="${failures}">`,
  ];
  for (const [name, found] of suites) {
    const f = found.filter((d) => d.severity === 'error').length;
    out.push(`  <testsuite name="${xmlEscape(name)}" tests="${found.length}" failures="${f}">`);
    for (const d of found) out.push(...testcase(d, name));
    out.push('  </testsuite>');
  }
  // A clean run still reports one passing test, so CI shows that the check ran.
  if (diagnostics.length === 0) {
    out.push(
      '  <testsuite name="k8s-ops check" tests="1" failures="0">',
      `    <testcase name="${clusters} cluster${clusters === 1 ? '' : 's'} checked" classname="k8s-ops check"/>`,
      '  </testsuite>',
    );
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
