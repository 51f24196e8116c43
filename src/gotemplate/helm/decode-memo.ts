/**
 * Charts decode the same YAML text many times in one render (app-template turns each
 * `include` of its controllers, services and so on into data again and again: 116 fromYaml
 * calls, 22 distinct texts in a typical render). Within one execution (one run: a template
 * file and everything it includes) a text already read is copied instead of read again; a
 * copy, because the template may change what fromYaml returned. The texts are dropped when the
 * next run begins.
 */
import type { JsonValue } from '../../core/json.js';
import { currentRun, type Run } from '../run.js';
import { readBlockYaml } from './block-yaml.js';

// Past this much text the run stops remembering (the texts already kept stay).
const MAX_KEPT_CHARS = 4 * 1024 * 1024;

let memoRun: Run | undefined;
let memo = new Map<string, JsonValue>();
let keptChars = 0;

function copy(v: JsonValue): JsonValue {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(copy);
  // The block reader never yields a `__proto__` key, so plain assignment is exact.
  const out: Record<string, JsonValue> = {};
  for (const k of Object.keys(v)) out[k] = copy(v[k]!);
  return out;
}

/** readBlockYaml, remembered for the current run. */
export function readBlockYamlInRun(text: string): JsonValue | undefined {
  const run = currentRun();
  if (run === undefined) return readBlockYaml(text);
  if (run !== memoRun) {
    memoRun = run;
    memo = new Map();
    keptChars = 0;
  }
  const known = memo.get(text);
  if (known !== undefined) return copy(known);
  const value = readBlockYaml(text);
  if (value === undefined || keptChars + text.length > MAX_KEPT_CHARS) return value;
  memo.set(text, copy(value));
  keptChars += text.length;
  return value;
}
