// Floats: shortest printing with Go's %v exponent rule, JSON and YAML forms, arithmetic results.
export default {
  area: 'floats',
  cases: [
    ['v-thresholds', '{{ 100000.0 }}|{{ 999999.0 }}|{{ 1000000.0 }}|{{ 1e20 }}|{{ 1e21 }}|{{ 123456789.0 }}'],
    ['v-small', '{{ 0.0001 }}|{{ 0.00001 }}|{{ .Values.small }}|{{ .Values.tiny }}|{{ 1e-300 }}'],
    [
      'v-values',
      '{{ .Values.huge }}|{{ .Values.pi }}|{{ .Values.half }}|{{ .Values.negf }}|{{ .Values.maxsafe }}',
    ],
    [
      'v-shortest-digits',
      '{{ 0.1 }}|{{ 0.3 }}|{{ 2.675 }}|{{ 1.005 }}|{{ 5e-324 }}|{{ 1.7976931348623157e308 }}',
    ],
    [
      'v-int-like-values',
      '{{ .Values.big }}|{{ .Values.port }}|{{ mul .Values.big 10 }}|{{ mulf .Values.big 10 }}',
    ],
    ['arith-addf', '{{ addf 0.1 0.2 }}|{{ addf 1 2 }}|{{ addf 1.5 "2.5" }}|{{ addf }}'],
    ['arith-subf-mulf', '{{ subf 1 0.9 }}|{{ mulf 0.1 3 }}|{{ mulf 1e200 1e200 }}|{{ subf 5 1 1 1 }}'],
    ['arith-divf', '{{ divf 1 3 }}|{{ divf 10 4 }}|{{ divf 2 3 }}|{{ divf -1 8 }}|{{ divf 1 3 3 }}'],
    ['arith-divf-zero', '{{ divf 1 0 }}'],
    ['arith-divf-nan', '{{ divf 0 0 }}'],
    ['arith-inf-json', '[{{ mulf 1e200 1e200 | toJson }}]'],
    [
      'arith-inf-string',
      '{{ mulf 1e200 1e200 | toString }}|{{ printf "%v %f %e %g %5.1f" (mulf 1e200 1e200) (mulf -1e200 1e200) (mulf 1e200 1e200) (mulf 1e200 1e200) (mulf 1e200 1e200) }}',
    ],
    ['arith-inf-compare', '{{ gt (mulf 1e200 1e200) 1e308 }}|{{ eq (mulf 1e200 1e200) (mulf 1e300 1e300) }}'],
    ['add1f', '{{ add1f 1.5 }}|{{ add1f "2" }}|{{ add1f 0.1 }}'],
    ['maxf-minf', '{{ maxf 1.5 2 0.5 }}|{{ minf 1.5 2 0.5 }}|{{ maxf -1 }}|{{ minf "3" "2.5" }}'],
    [
      'floor-ceil-round',
      '{{ floor 1.7 }}|{{ floor -1.2 }}|{{ ceil 1.2 }}|{{ ceil -1.7 }}|{{ round 2.5 0 }}|{{ round -2.5 0 }}|{{ round 3.14159 2 }}',
    ],
    ['round-precision', '{{ round 2.675 2 }}|{{ round 1.005 2 }}|{{ round 1234.5678 -2 }}|{{ round 0.5 0 }}'],
    ['round-round-half', '{{ round 2.5 0 0.4 }}|{{ round 2.4 0 0.4 }}'],
    [
      'floor-types',
      '{{ typeOf (floor 1.5) }}|{{ typeOf (round 1.5 0) }}|{{ typeOf (addf 1 2) }}|{{ typeOf (divf 1 2) }}',
    ],
    ['json-floats', '{{ toJson (list 1.0 1.5 1e20 1e21 1e-6 1e-7 0.1 -0.0) }}'],
    [
      'json-floats-values',
      '{{ toJson (list .Values.big .Values.huge .Values.small .Values.tiny .Values.maxsafe .Values.pi) }}',
    ],
    ['yaml-floats', '{{ toYaml (list 1.0 1.5 1e20 1e21 1e-6 1e-7 0.1 .Values.maxsafe) }}'],
    [
      'float-to-string',
      '{{ toString 1e21 }}|{{ toString 0.1 }}|{{ toString 100.0 }}|{{ toString .Values.tiny }}',
    ],
    ['float-quote', '{{ quote 1e6 }}|{{ quote 0.000001 }}|{{ squote 2.5 }}'],
    ['float-cat', '{{ cat 1.5 1e6 "x" }}'],
    ['float-join', '{{ join "," (list 1.5 1e6 1e21) }}'],
    ['float-int-conversion', '{{ int 1e6 }}|{{ int64 1e18 }}|{{ int -0.9 }}|{{ int 2.99999 }}'],
    ['float-int-overflow', '{{ int64 1e19 }}|{{ int 1e300 }}'],
    ['float-compare-arith', '{{ lt (divf 1 3) 0.34 }}|{{ eq (mulf 3 (divf 1 3)) 1.0 }}'],
    ['float-printf-v-vs-g', '{{ printf "%v|%g|%G" 1e21 1e21 1e-7 }}'],
    [
      'float-from-yaml',
      '{{ $y := fromYaml "a: 1.0\\nb: 1e3\\nc: 0x10\\nd: .5\\ne: 1_000\\nf: 012" }}{{ $y.a }}|{{ $y.b }}|{{ $y.c }}|{{ $y.d }}|{{ $y.e }}|{{ $y.f }}',
    ],
    [
      'float-from-yaml-special',
      '{{ $y := fromYaml "a: .inf\\nb: -.Inf\\nc: .nan" }}{{ $y.a }}|{{ $y.b }}|{{ $y.c }}',
    ],
    [
      'float-from-json',
      '{{ $j := fromJson "{\\"a\\":1,\\"b\\":1.5e300,\\"c\\":123456789012345678}" }}{{ $j.a }}|{{ $j.b }}|{{ $j.c }}',
    ],
    ['float-mod-by-cast', '{{ mod 7.9 2 }}|{{ mod -7 3 }}'],
  ],
};
