// sprig integer arithmetic (cast to int64) and its edge cases.
export default {
  area: 'sprig-math',
  cases: [
    [
      'add',
      '{{ add 1 2 }}|{{ add 1 2 3 4 }}|{{ add }}|{{ add 1.9 1.9 }}|{{ add "2" "3" }}|{{ add -1 .Values.neg }}',
    ],
    ['add-bad-string', '{{ add "x" 1 }}|{{ add nil 1 }}|{{ add true 1 }}'],
    ['add1', '{{ add1 1 }}|{{ add1 "9" }}|{{ add1 -1.5 }}|{{ typeOf (add1 1) }}'],
    ['sub', '{{ sub 5 3 }}|{{ sub 3 5 }}|{{ sub 5.9 0.9 }}|{{ sub "10" 1 }}'],
    ['mul', '{{ mul 2 3 }}|{{ mul 2 3 4 }}|{{ mul 7 }}|{{ mul 1.5 4 }}|{{ mul -2 .Values.port }}'],
    ['mul-no-args', '{{ mul }}'],
    ['div', '{{ div 7 2 }}|{{ div -7 2 }}|{{ div 7 -2 }}|{{ div 1.9 1 }}|{{ div "9" "3" }}'],
    ['div-by-zero', '{{ div 1 0 }}'],
    ['mod', '{{ mod 7 3 }}|{{ mod -7 3 }}|{{ mod 7 -3 }}|{{ mod 0 5 }}'],
    ['mod-by-zero', '{{ mod 1 0 }}'],
    [
      'max-min',
      '{{ max 1 5 3 }}|{{ min 1 5 3 }}|{{ max 1 }}|{{ min -1 -5 }}|{{ biggest 2 7 }}|{{ max "9" 10 }}|{{ min 1.9 1.1 }}',
    ],
    ['max-no-args', '{{ max }}'],
    [
      'int64-overflow-wrap',
      '{{ add 9223372036854775807 1 }}|{{ mul 9223372036854775807 2 }}|{{ sub -9223372036854775808 1 }}',
    ],
    ['div-overflow', '{{ div -9223372036854775808 -1 }}'],
    [
      'float-values-to-int64',
      '{{ add .Values.float .Values.float }}|{{ mul .Values.pi 2 }}|{{ add .Values.maxsafe 0 }}',
    ],
    ['huge-float-to-int64', '{{ add .Values.huge 0 }}|{{ add 1e300 0 }}'],
    ['randInt', '{{ randInt 1 10 }}', { shape: { match: ['^[1-9]$'] } }],
    ['randInt-same', '{{ randInt 5 6 }}'],
    ['randInt-empty-range', '{{ randInt 5 5 }}'],
    ['math-results-in-printf', '{{ printf "%d %v %T" (add 1 2) (div 9 2) (mod 5 2) }}'],
    ['math-pipeline', '{{ 3 | add 1 | mul 2 | sub 100 }}'],
    ['math-with-len', '{{ sub (len .Values.strs) 1 }}|{{ add (len .Values.m) .Values.port }}'],
    ['math-json', '{{ toJson (list (add 1 2) (div 5 2) (mul 3 3)) }}'],
  ],
};
