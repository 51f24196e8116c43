/**
 * helm's values-schema errors up to the order helm itself randomises: the validator walks Go
 * maps (an object's members), so sibling errors come out in a different order from run to run.
 * The canonical form sorts the sibling blocks of every level; the lines themselves, their
 * nesting and the chart headers stay as they are.
 */
interface Block {
  line: string;
  children: Block[];
}

function indentOf(line: string): number {
  const m = /^( *)- /.exec(line);
  return m ? (m[1] as string).length / 2 : -1;
}

function render(blocks: Block[]): string[] {
  return blocks
    .map((b) => [b.line, ...render(b.children)].join('\n'))
    .sort()
    .flatMap((s) => s.split('\n'));
}

/** The error text with sibling error blocks sorted; other lines keep their place. */
export function canonicalSchemaErrors(text: string): string {
  const out: string[] = [];
  let roots: Block[] = [];
  let stack: Block[] = [];
  const flush = () => {
    out.push(...render(roots));
    roots = [];
    stack = [];
  };
  for (const line of text.split('\n')) {
    const depth = indentOf(line);
    if (depth < 0) {
      flush();
      out.push(line);
      continue;
    }
    const block: Block = { line, children: [] };
    stack = stack.slice(0, depth);
    const parent = stack[depth - 1];
    if (depth === 0 || !parent) roots.push(block);
    else parent.children.push(block);
    stack.push(block);
  }
  flush();
  return out.join('\n');
}
