/** A plain-text table with left-aligned columns, like `flux get` prints. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] as number)))
      .join('\t')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n') + '\n';
}
