// sprig dictionary functions: dict, get/set/unset, keys, pick/omit, merge family, dig, pluck.
export default {
  area: 'sprig-dicts',
  cases: [
    [
      'dict-forms',
      '{{ dict "a" 1 "b" "x" | toJson }}|{{ dict | toJson }}|{{ dict "a" | toJson }}|{{ dict "a" 1 "a" 2 | toJson }}',
    ],
    ['dict-non-string-keys', '{{ dict 1 "one" true "t" nil "n" 1.5 "f" | toJson }}'],
    [
      'dict-special-keys',
      '{{ dict "__proto__" 1 "constructor" 2 "" 3 | toJson }}|{{ (dict "__proto__" "p").__proto__ }}',
    ],
    [
      'dict-proto-index',
      '{{ index (dict "__proto__" "p" "toString" "t") "__proto__" }}|{{ hasKey (dict) "toString" }}|{{ hasKey (dict) "__proto__" }}',
    ],
    [
      'get',
      '{{ get .Values.m "a" }}|[{{ get .Values.m "zz" }}]|{{ get (dict "n" nil) "n" }}|{{ typeOf (get .Values.m "zz") }}',
    ],
    ['get-nil', '{{ get nil "a" }}'],
    ['set', '{{ $d := dict }}{{ set $d "k" "v" | toJson }}|{{ $d.k }}|{{ set (dict "a" 1) "a" 2 | toJson }}'],
    ['set-values-mutation', '{{ $_ := set .Values.m "z" 26 }}{{ .Values.m | toJson }}'],
    [
      'unset',
      '{{ $d := dict "a" 1 "b" 2 }}{{ unset $d "a" | toJson }}|{{ unset $d "missing" | toJson }}|{{ $d | toJson }}',
    ],
    [
      'hasKey',
      '{{ hasKey .Values.m "a" }}{{ hasKey .Values.m "z" }}{{ hasKey .Values "nullv" }}{{ hasKey .Values "missing" }}{{ hasKey (dict "n" nil) "n" }}',
    ],
    [
      'keys',
      '{{ keys .Values.m | sortAlpha | toJson }}|{{ keys (dict "a" 1) (dict "b" 2) (dict "a" 3) | sortAlpha | toJson }}|{{ keys (dict) | toJson }}|{{ typeOf (keys .Values.m) }}',
    ],
    [
      'values',
      '{{ values (dict "a" 1) | toJson }}|{{ values .Values.m | len }}|{{ values (dict) | toJson }}|{{ typeOf (values (dict)) }}',
    ],
    [
      'pick-omit',
      '{{ pick .Values.m "a" "c" "zz" | toJson }}|{{ omit .Values.m "a" "zz" | toJson }}|{{ pick .Values.m | toJson }}|{{ omit .Values.m | toJson }}',
    ],
    [
      'pluck',
      '{{ pluck "name" (dict "name" "a") (dict "x" 1) (dict "name" "b") | toJson }}|{{ pluck "k" | toJson }}',
    ],
    [
      'dig',
      '{{ dig "a" "b" "c" "def" .Values.deep }}|{{ dig "a" "x" "def" .Values.deep }}|{{ dig "a" "b" "def" .Values.deep | toJson }}|{{ dig "a" "def" (dict) }}',
    ],
    ['dig-two-args', '{{ dig "def" .Values.deep }}'],
    ['dig-through-non-map', '{{ dig "a" "b" "c" "d" "def" .Values.deep }}'],
    ['dig-nil-value', '[{{ dig "n" "def" (dict "n" nil) }}]|{{ typeOf (dig "n" "def" (dict "n" nil)) }}'],
    ['dig-through-nil', '{{ dig "n" "x" "def" (dict "n" nil) }}'],
    ['dig-too-few', '{{ dig "a" }}'],
    ['dig-not-map', '{{ dig "a" "def" "string" }}'],
    [
      'merge-forms',
      '{{ merge (dict "a" 1) (dict "a" 2 "b" 2) (dict "c" 3) | toJson }}|{{ merge (dict) | toJson }}',
    ],
    [
      'merge-nested-lists',
      '{{ merge (dict "l" (list 1)) (dict "l" (list 2 3)) | toJson }}|{{ merge (dict "l" (list)) (dict "l" (list 2)) | toJson }}',
    ],
    [
      'merge-nil-dst-values',
      '{{ merge (dict "a" nil "b" false "c" "") (dict "a" 1 "b" true "c" "x") | toJson }}',
    ],
    [
      'merge-map-into-scalar',
      '{{ merge (dict "a" 1) (dict "a" (dict "x" 1)) | toJson }}|{{ merge (dict "a" (dict "x" 1)) (dict "a" 1) | toJson }}',
    ],
    [
      'mergeOverwrite-forms',
      '{{ mergeOverwrite (dict "a" 1 "n" (dict "x" 1)) (dict "a" 2 "n" (dict "y" 2)) (dict "a" 3) | toJson }}',
    ],
    [
      'mergeOverwrite-empty-src',
      '{{ mergeOverwrite (dict "a" 1 "b" "x") (dict "a" 0 "b" "" "c" nil) | toJson }}',
    ],
    ['merge-mutates-dst', '{{ $a := dict "x" 1 }}{{ $_ := merge $a (dict "y" 2) }}{{ $a | toJson }}'],
    [
      'merge-src-not-mutated',
      '{{ $a := dict "n" (dict "p" 1) }}{{ $b := dict "n" (dict "q" 2) }}{{ $_ := merge $a $b }}{{ $b | toJson }}|{{ $a | toJson }}',
    ],
    [
      'mustMerge-ok',
      '{{ mustMerge (dict "a" 1) (dict "b" 2) | toJson }}|{{ mustMergeOverwrite (dict "a" 1) (dict "a" 2) | toJson }}',
    ],
    ['merge-typed-map', '{{ merge (dict "a" "1") (split "," "x,y") | toJson }}'],
    [
      'merge-values',
      '{{ merge (dict) .Values.nested | toJson }}|{{ mergeOverwrite (deepCopy .Values.m) (dict "a" 9) | toJson }}|{{ .Values.m.a }}',
    ],
    [
      'deepCopy',
      '{{ $c := deepCopy .Values.nested }}{{ $_ := set $c.x "y" "changed" }}{{ .Values.nested.x.y }}|{{ $c.x.y }}|{{ deepCopy 1.5 }}|{{ mustDeepCopy (list 1) | toJson }}',
    ],
    ['deepCopy-nil', '{{ deepCopy nil | toJson }}'],
    ['mustDeepCopy-nil', '{{ mustDeepCopy nil | toJson }}'],
    [
      'deepCopy-typed',
      '{{ typeOf (deepCopy (splitList "," "a")) }}|{{ typeOf (deepCopy (split "," "a")) }}|{{ typeOf (deepCopy (int64 1)) }}',
    ],
    ['dict-nested-json', '{{ dict "z" 1 "a" (dict "y" 2 "b" (list (dict "k" "v"))) | toJson }}'],
    ['dict-key-order-print', '{{ dict "b" 1 "a" 2 "B" 3 "_" 4 "1" 5 }}'],
    [
      'index-map',
      '{{ index .Values.m "b" }}|[{{ index .Values.m "zz" }}]|{{ index .Values.deep "a" "b" "c" }}',
    ],
    ['index-map-wrong-key-type', '{{ index .Values.m 1 }}'],
    ['index-map-nil-key', '{{ index .Values.m nil }}'],
    ['index-typed-map', '{{ index (split "," "a,b") "_1" }}'],
    ['field-on-map-missing', '[{{ .Values.m.zz }}]|{{ typeOf .Values.m.zz }}'],
    ['field-on-typed-map', '{{ (split "," "a,b")._0 }}|[{{ (split "," "a")._9 }}]'],
    [
      'map-key-with-dash-via-index',
      '{{ index .Values.keyspecial "a-b" }}|{{ index .Values.keyspecial "with.dot" }}|{{ index .Values.keyspecial "" }}',
    ],
  ],
};
