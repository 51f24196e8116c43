// sprig defaults and flow: default, empty, coalesce, all, any, ternary, required-like checks,
// and sprig's JSON functions (helm overrides toJson and fromJson).
export default {
  area: 'sprig-defaults',
  cases: [
    [
      'default-zero-values',
      '{{ default "d" "" }}|{{ default "d" 0 }}|{{ default "d" 0.0 }}|{{ default "d" false }}|{{ default "d" nil }}|{{ default "d" (list) }}|{{ default "d" (dict) }}',
    ],
    [
      'default-non-zero',
      '{{ default "d" "x" }}|{{ default "d" 1 }}|{{ default "d" true }}|{{ default "d" (list 0) | toJson }}|{{ default "d" (dict "a" nil) | toJson }}',
    ],
    [
      'default-values',
      '{{ default "d" .Values.missing }}|{{ default "d" .Values.nullv }}|{{ default "d" .Values.emptystr }}|{{ default "d" .Values.zero }}|{{ default 5 .Values.port }}',
    ],
    ['default-one-arg', '{{ default "d" }}'],
    ['default-too-many', '{{ default "d" 1 2 }}'],
    ['default-pipe', '{{ .Values.missing | default "x" | upper }}|{{ .Values.str | default "x" }}'],
    ['default-struct', '{{ default "d" .Release | typeOf }}'],
    [
      'empty',
      '{{ empty "" }}{{ empty " " }}{{ empty 0 }}{{ empty 1 }}{{ empty nil }}{{ empty (list) }}{{ empty (dict "a" 1) }}{{ empty .Values.falsev }}{{ empty .Values.Release }}',
    ],
    ['empty-struct', '{{ empty .Release }}|{{ empty .Capabilities }}|{{ empty .Files }}'],
    ['empty-no-args', '{{ empty }}'],
    [
      'coalesce',
      '{{ coalesce "" 0 nil "x" "y" }}|[{{ coalesce "" 0 }}]|{{ coalesce .Values.missing .Values.zero .Values.str }}|{{ coalesce (list) (list 1) | toJson }}',
    ],
    ['coalesce-none', '[{{ coalesce }}]{{ typeOf (coalesce) }}'],
    [
      'all-any',
      '{{ all 1 "a" true }}{{ all 1 "" }}{{ all }}{{ any 0 "" "x" }}{{ any 0 "" }}{{ any }}{{ any nil (list 1) }}',
    ],
    [
      'ternary',
      '{{ ternary "y" "n" true }}|{{ ternary "y" "n" false }}|{{ ternary 1 2 .Values.bool }}|{{ ternary (list 1) nil false | toJson }}',
    ],
    ['ternary-non-bool', '{{ ternary "y" "n" 1 }}'],
    [
      'toJson-kinds',
      '{{ toJson "s" }}|{{ toJson 1 }}|{{ toJson 1.5 }}|{{ toJson true }}|{{ toJson nil }}|{{ toJson .Values.missing }}|{{ toJson (int64 9) }}',
    ],
    [
      'toJson-escaping',
      '{{ toJson .Values.html2 }}|{{ toJson "\\u2028\\u2029" }}|{{ toJson "tab\\t\\u0001" }}|{{ toJson "é😀" }}',
    ],
    [
      'toJson-collections',
      '{{ toJson .Values.keyspecial }}|{{ toJson .Values.listOfMaps }}|{{ toJson (dict) }}|{{ toJson (list) }}|{{ toJson .Values.mixed }}',
    ],
    [
      'toJson-typed',
      '{{ toJson (splitList "," "a,b") }}|{{ toJson (split "," "a,b") }}|{{ toJson (splitList "," "") }}',
    ],
    ['toJson-bytes', '{{ toJson (.Files.GetBytes "files/b.txt") }}'],
    ['toJson-struct', '{{ toJson .Capabilities.KubeVersion }}|{{ toJson .Release }}'],
    ['toJson-chart', '{{ toJson .Chart }}'],
    ['toJson-capabilities', '{{ toJson .Capabilities.HelmVersion }}'],
    ['toJson-time', '{{ toJson (toDate "2006-01-02" "2024-02-29") }}'],
    ['mustToJson', '{{ mustToJson (dict "a" 1) }}|{{ mustToJson "<>" }}'],
    [
      'toPrettyJson',
      '{{ toPrettyJson (dict "b" (list 1 2) "a" (dict) "c" (list)) }}|{{ toPrettyJson "<x>" }}|{{ toPrettyJson 1 }}',
    ],
    [
      'toRawJson',
      '{{ toRawJson (dict "h" "<a&b>" "l" (list 1)) }}|{{ mustToPrettyJson (list) }}|{{ mustToRawJson "<>" }}',
    ],
    ['toJson-inf', '[{{ toJson (mulf 1e200 1e200) }}]'],
    ['mustToJson-inf', '{{ mustToJson (mulf 1e200 1e200) }}'],
    ['toPrettyJson-inf', '[{{ toPrettyJson (mulf 1e200 1e200) }}]'],
    [
      'fromJson-forms',
      '{{ (fromJson "{\\"a\\": [1, \\"x\\"]}").a }}|{{ fromJson "{}" | toJson }}|{{ typeOf (fromJson "{}") }}',
    ],
    [
      'fromJson-errors',
      '{{ fromJson "not json" | toJson }}|{{ fromJson "[1,2]" | toJson }}|{{ fromJson "" | toJson }}|{{ fromJson "{\\"a\\":1} x" | toJson }}',
    ],
    [
      'fromJson-numbers',
      '{{ $j := fromJson "{\\"i\\": 1, \\"f\\": 1.5, \\"e\\": 1e2, \\"n\\": null, \\"b\\": true}" }}{{ typeOf $j.i }}|{{ $j.e }}|{{ typeOf $j.n }}|{{ $j.b }}',
    ],
    [
      'fromJsonArray',
      '{{ fromJsonArray "[1, \\"a\\", null, {\\"k\\": 2}]" | toJson }}|{{ fromJsonArray "{}" | toJson }}|{{ fromJsonArray "x" | toJson }}',
    ],
    [
      'mustFromJson',
      '{{ mustFromJson "{\\"a\\":1}" | toJson }}|{{ mustFromJson "[1]" | toJson }}|{{ mustFromJson "\\"s\\"" }}',
    ],
    ['mustFromJson-error', '{{ mustFromJson "{bad" }}'],
    ['fromJson-duplicate-keys', '{{ fromJson "{\\"a\\":1,\\"a\\":2}" | toJson }}'],
    ['fromJson-deep-unicode', '{{ (fromJson "{\\"k\\":\\"\\\\u00e9\\\\ud83d\\\\ude00\\"}").k }}'],
  ],
};
