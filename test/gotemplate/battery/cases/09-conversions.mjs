// Conversions with spf13/cast semantics, the Go types they return, and argument conversion of
// typed parameters (wrong type / nil / untyped constants).
export default {
  area: 'conversions',
  cases: [
    [
      'int-forms',
      '{{ int "12" }}|{{ int "-3" }}|{{ int "0x1F" }}|{{ int "010" }}|{{ int "0b11" }}|{{ int "1_000" }}',
    ],
    ['int-bad-strings', '{{ int "abc" }}|{{ int "1.5" }}|{{ int " 1" }}|{{ int "" }}'],
    [
      'int-other-kinds',
      '{{ int true }}|{{ int false }}|{{ int nil }}|{{ int .Values.missing }}|{{ int 2.9 }}|{{ int -2.9 }}',
    ],
    ['int-collections', '{{ int .Values.list }}|{{ int .Values.m }}'],
    [
      'int64-forms',
      '{{ int64 "12" }}|{{ int64 "9223372036854775807" }}|{{ int64 "9223372036854775808" }}|{{ int64 1.9 }}',
    ],
    [
      'float64-forms',
      '{{ float64 "1.5" }}|{{ float64 "1e3" }}|{{ float64 "abc" }}|{{ float64 true }}|{{ float64 nil }}|{{ float64 3 }}|{{ float64 "0x10" }}',
    ],
    [
      'atoi-forms',
      '{{ atoi "7" }}|{{ atoi "-7" }}|{{ atoi "1.5" }}|{{ atoi " 1" }}|{{ atoi "0x10" }}|{{ atoi "" }}',
    ],
    ['atoi-non-string', '{{ atoi 7 }}'],
    [
      'toString-kinds',
      '{{ toString "s" }}|{{ toString 1 }}|{{ toString 1.5 }}|{{ toString true }}|{{ toString nil }}|{{ toString (int64 3) }}',
    ],
    [
      'toString-collections',
      '{{ toString .Values.m }}|{{ toString .Values.empty }}|{{ toString (.Files.GetBytes "files/b.txt") }}',
    ],
    [
      'toStrings',
      '{{ toStrings (list 1 "a" nil 1.5 true) | toJson }}|{{ typeOf (toStrings (list 1)) }}|{{ toStrings "x" | toJson }}|{{ toStrings nil | toJson }}',
    ],
    [
      'toDecimal',
      '{{ toDecimal "0777" }}|{{ toDecimal "777" }}|{{ toDecimal 10 }}|{{ toDecimal "9" }}|{{ toDecimal "abc" }}',
    ],
    [
      'result-types',
      '{{ typeOf (int 1) }}|{{ typeOf (int64 1) }}|{{ typeOf (float64 1) }}|{{ typeOf (atoi "1") }}|{{ typeOf (toString 1) }}',
    ],
    [
      'literal-types',
      '{{ typeOf 1 }}|{{ typeOf -1 }}|{{ typeOf 1.0 }}|{{ typeOf "s" }}|{{ typeOf true }}|{{ typeOf nil }}',
    ],
    [
      'func-result-types',
      '{{ typeOf (len "ab") }}|{{ typeOf (add 1 2) }}|{{ typeOf (until 2) }}|{{ typeOf (list) }}|{{ typeOf (dict) }}|{{ typeOf (splitList "," "") }}',
    ],
    [
      'kinds-of-results',
      '{{ kindOf (int 1) }}|{{ kindOf (until 2) }}|{{ kindOf (dict) }}|{{ kindOf .Release }}|{{ kindOf .Capabilities }}|{{ kindOf (now) }}',
    ],
    ['int-param-from-float', '{{ until .Values.port | len }}'],
    ['int-param-from-string', '{{ until "3" }}'],
    ['int-param-from-int64', '{{ until (int64 3) | toJson }}'],
    ['int-param-from-nil', '{{ until nil }}'],
    ['string-param-from-int', '{{ upper 1 }}'],
    ['string-param-from-float', '{{ b64enc .Values.port }}'],
    ['string-param-from-nil', '{{ upper nil }}'],
    ['string-param-from-missing', '{{ upper .Values.missing }}'],
    ['string-param-from-bool', '{{ trim true }}'],
    ['string-param-from-list', '{{ lower .Values.strs }}'],
    ['string-param-from-typed', '{{ upper (index (splitList "," "a,b") 0) }}'],
    ['interface-param-nil', '{{ toJson nil }}|{{ kindOf nil }}'],
    ['bool-param-from-string', '{{ ternary "a" "b" "true" }}'],
    ['bool-param-from-nil', '{{ ternary "a" "b" nil }}'],
    ['list-param-from-map', '{{ first .Values.m }}'],
    [
      'list-param-from-string',
      '{{ join "," "abc" }}|{{ join "," .Values.strs }}|{{ join "-" (list 1 nil "a") }}',
    ],
    ['map-param-from-list', '{{ keys .Values.list }}'],
    ['map-param-from-nil', '{{ hasKey nil "a" }}'],
    ['int-const-overflow-param', '{{ repeat 9223372036854775807 "" }}'],
    ['int-param-int32', '{{ trunc (int64 2) "abc" }}|{{ substr 1 (int64 3) "abcd" }}'],
    ['float-param-from-int', '{{ round 2 0 }}|{{ round "2.5" 0 }}'],
    ['variadic-string-from-int', '{{ cat 1 "a" }}|{{ list 1 "a" | join "," }}'],
    ['wrong-arg-count-few', '{{ upper }}'],
    ['wrong-arg-count-many', '{{ upper "a" "b" }}'],
    ['wrong-arg-count-variadic', '{{ ternary "a" }}'],
    ['wrong-arg-count-pipe', '{{ "a" | replace "x" }}'],
  ],
};
