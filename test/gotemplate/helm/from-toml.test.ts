import { describe, expect, it } from 'vitest';
import { fromToml } from '../../../src/gotemplate/helm/from-toml.js';
import { sprint } from '../../../src/gotemplate/fmt.js';
import { typeOf } from '../../../src/gotemplate/value.js';

// [input, what `printf "%v"` of fromToml printed, key=type pairs] as helm v4.1.4 answered them.
const recorded: [string, string, string][] = [
  [
    'a = 1\nb = 1.5\nc = "s"\nd = true\ne = [1, 2]\n[t]\nx = \'lit\'\n[[arr]]\ny = 1\n[[arr]]\ny = 2\n',
    'map[a:1 arr:[map[y:1] map[y:2]] b:1.5 c:s d:true e:[1 2] t:map[x:lit]]',
    'a=int64,arr=[]map[string]interface {},b=float64,c=string,d=bool,e=[]interface {},t=map[string]interface {}',
  ],
  ['a = ', 'map[Error:toml: line 1 (last key "a"): unexpected EOF; expected value]', 'Error=string'],
  [
    'a = 1\na = 2',
    'map[Error:toml: line 2 (last key "a"): Key \'a\' has already been defined.]',
    'Error=string',
  ],
  ['[t]\n[t]', "map[Error:toml: line 2: Key 't' has already been defined.]", 'Error=string'],
  ['x = {a = 1, b = {c = 2}}', 'map[x:map[a:1 b:map[c:2]]]', 'x=map[string]interface {}'],
  ['d = 1979-05-27T07:32:00Z', 'map[d:1979-05-27 07:32:00 +0000 UTC]', 'd=time.Time'],
  ['s = """\nmulti\nline"""', 'map[s:multi\nline]', 's=string'],
  ['a.b.c = 1', 'map[a:map[b:map[c:1]]]', 'a=map[string]interface {}'],
  ['= 1', "map[Error:toml: line 1: unexpected '=': key name appears blank]", 'Error=string'],
  ['a = 0x1F', 'map[a:31]', 'a=int64'],
  ['a = 1_000', 'map[a:1000]', 'a=int64'],
  ['a = inf', 'map[a:+Inf]', 'a=float64'],
  [
    'a = "unterminated',
    'map[Error:toml: line 1 (last key "a"): unexpected EOF; expected \'"\']',
    'Error=string',
  ],
  ['# comment only', 'map[]', ''],
  ['', 'map[]', ''],
  ['a = [1, "x"]', 'map[a:[1 x]]', 'a=[]interface {}'],
  ['"quoted key" = 1', 'map[quoted key:1]', 'quoted key=int64'],
  [
    'a = 9223372036854775808',
    'map[Error:toml: line 1 (last key "a"): 9223372036854775808 is out of range for int64]',
    'Error=string',
  ],
];

describe('fromToml', () => {
  it.each(recorded)('%j', (input, printed, types) => {
    const m = fromToml(input);
    expect(sprint([m])).toBe(printed);
    const pairs = Object.keys(m)
      .sort()
      .map((k) => `${k}=${typeOf(m[k])}`);
    expect(pairs.join(',')).toBe(types);
  });
});
