// Facts about an output that a non-deterministic function (random strings, UUIDs, keys,
// certificates, the clock) makes different on every run: a case says which facts to keep, the
// recorder stores helm's, and the test compares ours with them instead of the bytes.

/**
 * The facts `shape` asks for: `len` (length in UTF-16 units), `lines` (number of `\n`), and
 * for each regular expression in `match`, whether the whole output matches it.
 */
export function shapeFacts(output, shape) {
  const facts = {};
  if (shape.len) facts.len = output.length;
  if (shape.lines) facts.lines = output.split('\n').length - 1;
  if (shape.match) facts.match = shape.match.map((re) => new RegExp(re, 'su').test(output));
  return facts;
}
