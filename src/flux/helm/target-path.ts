/**
 * A `valuesFrom[].targetPath`: helm-controller's ReplacePathValue hands `path=value` to helm's
 * `--set` parser (strvals.ParseInto), or to its string form (ParseIntoString) when the value is
 * quoted. So the value is typed as `--set` types it (`true`, `null`, int64 `42`), a `,` starts
 * another assignment and `\` escapes the next character.
 */
import { DiagnosticError } from '../../core/diagnostic.js';
import type { GoMap } from '../../gotemplate/value.js';
import { StrvalsParser } from '../../helm/values/strvals/parser.js';
import { typedVal } from '../../helm/values/strvals/typed.js';

/** Sets `path` to `value` in `values` (in place) as helm-controller's ReplacePathValue does. */
export function setPathValue(values: GoMap, path: string, value: string): void {
  const quoted =
    (value.startsWith("'") && value.endsWith("'")) || (value.startsWith('"') && value.endsWith('"'));
  // Go's strings.Trim: every leading and trailing quote of either kind goes.
  const bare = quoted ? value.replace(/^['"]+|['"]+$/g, '') : value;
  const parser = new StrvalsParser(`${path}=${bare}`, {
    kind: 'values',
    reader: (text) => ({ value: typedVal(text, quoted) }),
  });
  const err = parser.parse(values);
  if (err) {
    throw new DiagnosticError({
      rule: 'flux-helm-values',
      message: err.message,
      hint: err.hint ?? 'fix the targetPath or the value it receives',
    });
  }
}
