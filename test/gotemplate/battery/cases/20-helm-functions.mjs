// Helm's own functions: YAML / JSON / TOML conversions, required, fail, lookup.
export default {
  area: 'helm-functions',
  cases: [
    [
      'toYaml-scalars',
      '{{ toYaml "s" }}|{{ toYaml 1 }}|{{ toYaml 1.5 }}|{{ toYaml true }}|{{ toYaml nil }}|{{ toYaml (int64 7) }}',
    ],
    ['toYaml-empty', '{{ toYaml (dict) }}|{{ toYaml (list) }}|{{ toYaml "" }}|{{ toYaml .Values.missing }}'],
    [
      'toYaml-nested',
      '{{ toYaml .Values.deep }}\n---\n{{ toYaml .Values.listOfMaps }}\n---\n{{ toYaml .Values.mapOfLists }}',
    ],
    [
      'toYaml-string-quoting',
      '{{ toYaml (list "true" "no" "~" "null" "1.5" "0x10" "1e3" "-" "- a" "a: b" "#c" "@x" "`x" "*" "&a" "!t" "%p" "? q" "{a}" "[a]" "a,b" "\'q\'" "\\"dq\\"" " lead" "trail " "tab\\tin" "") }}',
    ],
    [
      'toYaml-string-quoting-2',
      '{{ toYaml (list "Yes" "OFF" "y" "n" "=" "<<" ".inf" "-.5" "+1" "0o17" "1_000" "2024-01-01" "12:30" "é" "a\\u0085b") }}',
    ],
    [
      'toYaml-multiline',
      '{{ toYaml (dict "a" "l1\\nl2" "b" "l1\\nl2\\n" "c" "l1\\n\\n" "d" " lead\\nx" "e" "trail \\nx" "f" "\\n") }}',
    ],
    [
      'toYaml-long-strings',
      '{{ toYaml (dict "k" (repeat 30 "ab ")) }}\n{{ toYaml (list (repeat 100 "x")) }}',
    ],
    [
      'toYaml-special-keys',
      '{{ toYaml .Values.keyspecial }}|{{ toYaml (dict "true" 1 "null" 2 "1" 3 "a b" 4 "key: x" 5) }}',
    ],
    [
      'toYaml-typed',
      '{{ toYaml (splitList "," "a,b") }}|{{ toYaml (split "," "x,y") }}|{{ toYaml (.Files.GetBytes "files/b.txt") }}',
    ],
    ['toYaml-structs', '{{ toYaml .Capabilities.KubeVersion }}\n---\n{{ toYaml .Release }}'],
    ['toYaml-chart', '{{ toYaml .Chart }}'],
    ['toYaml-numbers', '{{ toYaml (list 1 -1 0.5 1e6 1e21 1e-7 (int64 9007199254740993) .Values.maxsafe) }}'],
    ['toYaml-unicode', '{{ toYaml (dict "u" .Values.unicode "e" "😀" "c" "\\u0001") }}'],
    ['toYaml-inf', '[{{ toYaml (mulf 1e200 1e200) }}]'],
    ['mustToYaml', '{{ mustToYaml (dict "a" (list 1)) }}'],
    ['mustToYaml-inf', '{{ mustToYaml (mulf 1e200 1e200) }}'],
    ['toYamlPretty', '{{ toYamlPretty (dict "a" (list 1 2) "b" (dict "c" (list (dict "d" 1)))) }}'],
    [
      'fromYaml-forms',
      '{{ fromYaml "a: 1\\nb: [x, {c: d}]\\n" | toJson }}|{{ fromYaml "" | toJson }}|{{ fromYaml "# only comment" | toJson }}',
    ],
    [
      'fromYaml-yaml11',
      '{{ fromYaml "a: yes\\nb: off\\nc: ~\\nd: 0777\\ne: 1:30\\nf: 2024-01-01\\ng: \'yes\'" | toJson }}',
    ],
    [
      'fromYaml-errors',
      '{{ fromYaml "[1, 2]" | toJson }}|{{ fromYaml "a: b: c" | toJson }}|{{ fromYaml "a:\\n\\t- x" | toJson }}',
    ],
    ['fromYaml-duplicate-key', '{{ fromYaml "a: 1\\na: 2" | toJson }}'],
    ['fromYaml-anchors', '{{ fromYaml "a: &x {k: 1}\\nb: *x\\nc:\\n  <<: *x\\n  j: 2" | toJson }}'],
    ['fromYaml-multi-doc', '{{ fromYaml "a: 1\\n---\\nb: 2" | toJson }}'],
    [
      'fromYaml-block-scalar-at-end',
      '{{ fromYaml "k: |\\n  line" | toJson }}|{{ fromYaml "k: |\\n  l1\\n  l2" | toJson }}|{{ fromYaml "k: |+\\n  x" | toJson }}|{{ fromYaml "k: >\\n  a\\n  b" | toJson }}|{{ fromYaml "k:\\n  x: |\\n    v" | toJson }}',
    ],
    [
      'fromYaml-block-scalar-final-break',
      '{{ fromYaml "k: |\\n  line\\n" | toJson }}|{{ fromYaml "k: |\\n  line\\n  " | toJson }}|{{ fromYaml "k: |\\n  line\\nz: 1" | toJson }}|{{ fromYaml "k: |+\\n  x\\n\\n" | toJson }}|{{ fromYaml "k: |\\n  x # y" | toJson }}',
    ],
    ['fromYamlArray-block-scalar-at-end', '{{ fromYamlArray "- |\\n  a\\n- |\\n  b" | toJson }}'],
    ['fromYaml-non-string-keys', '{{ fromYaml "1: a\\ntrue: b\\n~: c\\n1.5: d" | toJson }}'],
    ['fromYaml-values', '{{ (fromYaml .Values.yamlstr).b }}|{{ fromYaml .Values.yamlstr | toJson }}'],
    [
      'fromYamlArray',
      '{{ fromYamlArray "- 1\\n- a\\n- {k: v}" | toJson }}|{{ fromYamlArray "a: 1" | toJson }}|{{ fromYamlArray "" | toJson }}',
    ],
    ['toYaml-fromYaml-roundtrip', '{{ .Values.deep | toYaml | fromYaml | toJson }}'],
    ['fromJson-helm', '{{ fromJson .Values.jsonstr | toJson }}|{{ (fromJson .Values.jsonstr).c }}'],
    ['mustToJson-helm', '{{ mustToJson .Values.m }}'],
    ['toToml-forms', '{{ toToml (dict "s" "x" "i" 1 "f" 1.5 "b" true "l" (list 1 2) "n" (dict "k" "v")) }}'],
    [
      'toToml-nested',
      '{{ toToml (dict "a" (dict "b" (dict "c" 1)) "z" 0 "arr" (list (dict "x" 1) (dict "x" 2))) }}',
    ],
    [
      'toToml-strings',
      '{{ toToml (dict "q" "a\\"b" "nl" "l1\\nl2" "u" "é" "key with space" "v" "" "empty") }}',
    ],
    ['toToml-mixed-array', '{{ toToml (dict "m" (list 1 "a" true)) }}'],
    ['toToml-nil', '{{ toToml (dict "n" nil "a" 1) }}'],
    ['toToml-non-map', '{{ toToml (list 1 2) }}|{{ toToml "s" }}'],
    ['toToml-int64', '{{ toToml (dict "i" (int64 5) "t" (toDate "2006-01-02" "2024-02-29")) }}'],
    [
      'mustToToml',
      '{{ mustToToml (dict "a" 1) }}',
      {
        target: { ok: true, v: 'a = 1\n' },
        why: 'helm v4.2.1 (what helm-controller links) adds mustToToml; v4.1.4 has none',
      },
    ],
    ['fromToml', '{{ fromToml "a = 1" | toJson }}'],
    [
      'required-forms',
      '{{ required "m" "x" }}|{{ required "m" 0 }}|{{ required "m" false }}|{{ required "m" (list) | toJson }}|{{ required "m" (dict) | toJson }}',
    ],
    ['required-empty-string', '{{ required "need a value" "" }}'],
    ['required-nil', '{{ required "need nil" nil }}'],
    ['required-nullv', '{{ required "nullv is required" .Values.nullv }}'],
    ['required-nested-path', '{{ required "nested missing" .Values.nested.x.nope }}'],
    ['required-message-formatting', '{{ required (printf "%s is required" "thing") "" }}'],
    ['required-in-pipe', '{{ .Values.str | required "x" | upper }}'],
    ['required-wrong-args', '{{ required "only message" }}'],
    ['fail-forms', '{{ fail "with: colon\\nand newline" }}'],
    ['fail-empty', '{{ fail "" }}'],
    ['fail-in-if-skipped', '{{ if false }}{{ fail "no" }}{{ end }}ok'],
    ['fail-non-string', '{{ fail 1 }}'],
    ['fail-after-output', 'partial {{ "out" }} {{ fail "late" }}'],
    [
      'lookup-forms',
      '{{ lookup "v1" "ConfigMap" "" "" | toJson }}|{{ lookup "apps/v1" "Deployment" "ns" "" | toJson }}|{{ typeOf (lookup "v1" "Pod" "a" "b") }}|{{ len (lookup "v1" "Pod" "a" "b") }}',
    ],
    [
      'lookup-field',
      '[{{ (lookup "v1" "Secret" "ns" "s").data }}]|{{ dig "data" "k" "def" (lookup "v1" "Secret" "ns" "s") }}',
    ],
    ['lookup-wrong-args', '{{ lookup "v1" "Secret" }}'],
  ],
};
