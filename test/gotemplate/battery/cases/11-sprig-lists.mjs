// sprig list functions and their must* forms.
export default {
  area: 'sprig-lists',
  cases: [
    ['list-tuple', '{{ list 1 "a" nil 1.5 | toJson }}|{{ tuple 1 2 | toJson }}|{{ list | toJson }}'],
    [
      'first-last-rest-initial',
      '{{ first .Values.strs }}|{{ last .Values.strs }}|{{ rest .Values.strs }}|{{ initial .Values.strs }}',
    ],
    [
      'first-empty',
      '[{{ first .Values.empty }}][{{ last .Values.empty }}][{{ rest .Values.empty }}][{{ initial .Values.empty }}]',
    ],
    ['first-nil', '[{{ first nil }}][{{ last nil }}]'],
    ['first-string', '{{ first "abc" }}'],
    ['mustFirst-string', '{{ mustFirst "abc" }}'],
    [
      'must-first-last-ok',
      '{{ mustFirst .Values.list }}|{{ mustLast .Values.list }}|{{ mustRest .Values.list }}|{{ mustInitial .Values.list }}',
    ],
    ['first-typed', '{{ first (splitList "," "x,y") }}|{{ typeOf (rest (splitList "," "x,y")) }}'],
    [
      'append-push',
      '{{ append .Values.strs "d" | toJson }}|{{ push (list 1) 2 | toJson }}|{{ mustAppend (list) 1 | toJson }}|{{ mustPush (list 1) 2 | toJson }}',
    ],
    ['append-not-mutating', '{{ $l := list 1 2 }}{{ $_ := append $l 3 }}{{ $l }}'],
    ['append-nil', '{{ append nil 1 | toJson }}'],
    ['append-string', '{{ append "abc" 1 }}'],
    ['mustAppend-string', '{{ mustAppend "abc" 1 }}'],
    [
      'append-typed',
      '{{ append (splitList "," "a") "b" | toJson }}|{{ typeOf (append (splitList "," "a") "b") }}',
    ],
    ['prepend', '{{ prepend .Values.strs "z" | toJson }}|{{ mustPrepend (list) 1 | toJson }}'],
    ['prepend-map', '{{ prepend .Values.m 1 }}'],
    [
      'concat',
      '{{ concat (list 1) (list 2 3) (list) | toJson }}|{{ concat | toJson }}|{{ concat .Values.strs (splitList "," "x,y") | toJson }}',
    ],
    ['concat-non-list', '{{ concat (list 1) "ab" }}'],
    ['concat-nil', '{{ concat (list 1) nil | toJson }}'],
    [
      'reverse',
      '{{ reverse .Values.strs | toJson }}|{{ reverse (list) | toJson }}|{{ mustReverse (list 1 2) | toJson }}',
    ],
    ['reverse-string', '{{ reverse "abc" }}'],
    [
      'uniq',
      '{{ uniq .Values.dup | toJson }}|{{ uniq (list "a" "b" "a") | toJson }}|{{ uniq (list 1 1.0 "1") | toJson }}|{{ mustUniq (list (list 1) (list 1)) | toJson }}',
    ],
    ['uniq-maps', '{{ uniq (list (dict "a" 1) (dict "a" 1) (dict "a" 2)) | toJson }}'],
    [
      'without',
      '{{ without .Values.dup 1.0 3.0 | toJson }}|{{ without (list 1 2) 1 | toJson }}|{{ mustWithout (list "a" "b") "a" | toJson }}',
    ],
    [
      'has',
      '{{ has 1.0 .Values.list }}|{{ has 1 .Values.list }}|{{ has "apple" .Values.strs }}|{{ has nil (list nil) }}|{{ mustHas "x" (list) }}',
    ],
    ['has-nil-list', '{{ has 1 nil }}'],
    ['has-string-list', '{{ has "a" "abc" }}'],
    [
      'compact',
      '{{ compact (list 0 1 "" "a" nil false true (list) (dict)) | toJson }}|{{ mustCompact (list "" "x") | toJson }}',
    ],
    [
      'slice',
      '{{ slice .Values.strs 1 | toJson }}|{{ slice .Values.strs 0 2 | toJson }}|{{ slice .Values.strs | toJson }}|{{ slice .Values.strs 3 | toJson }}',
    ],
    ['slice-out-of-range', '{{ slice .Values.strs 1 9 }}'],
    ['mustSlice-out-of-range', '{{ mustSlice .Values.strs 2 1 }}'],
    ['slice-typed', '{{ slice (splitList "," "a,b,c") 1 2 | toJson }}'],
    [
      'chunk',
      '{{ chunk 2 (list 1 2 3 4 5) | toJson }}|{{ chunk 3 (list) | toJson }}|{{ mustChunk 5 (list 1) | toJson }}',
    ],
    ['chunk-zero', '{{ chunk 0 (list 1 2) | toJson }}'],
    [
      'until-untilStep',
      '{{ until 3 | toJson }}|{{ until 0 | toJson }}|{{ until -2 | toJson }}|{{ untilStep 0 10 3 | toJson }}|{{ untilStep 10 0 -3 | toJson }}|{{ untilStep 0 5 0 | toJson }}|{{ untilStep 3 0 1 | toJson }}',
    ],
    [
      'until-types',
      '{{ typeOf (until 1) }}|{{ typeOf (index (until 2) 1) }}|{{ typeOf (index (untilStep 0 2 1) 0) }}',
    ],
    ['list-of-lists-json', '{{ list (list 1 2) (list) (dict "a" (list 3)) | toJson }}'],
    [
      'index-builtin-list',
      '{{ index .Values.strs 0 }}|{{ index .Values.strs 2 }}|{{ index (list 1 (list 2 3)) 1 1 }}|{{ index .Values.strs (int64 1) }}',
    ],
    ['index-out-of-range', '{{ index .Values.strs 3 }}'],
    ['index-negative', '{{ index .Values.strs -1 }}'],
    ['index-float-index', '{{ index .Values.strs 1.0 }}'],
    ['index-string-index-on-list', '{{ index .Values.strs "1" }}'],
    ['index-string', '{{ index "abc" 1 }}|{{ typeOf (index "abc" 1) }}'],
    ['index-nil', '{{ index nil 1 }}'],
    ['index-missing', '{{ index .Values.missing "a" }}'],
    ['index-no-indexes', '{{ index .Values.strs | toJson }}'],
    [
      'len-forms',
      '{{ len .Values.strs }}|{{ len "héllo" }}|{{ len .Values.m }}|{{ len (list) }}|{{ len (splitList "," "a,b") }}',
    ],
    ['len-int', '{{ len 3 }}'],
    ['len-nil', '{{ len nil }}'],
    ['len-missing', '{{ len .Values.missing }}'],
    ['builtin-slice-shadowed', '{{ slice "abcdef" 1 3 }}'],
    [
      'list-mutation-through-set',
      '{{ $d := dict "l" (list 1) }}{{ $_ := set $d "l" (append $d.l 2) }}{{ $d.l }}',
    ],
  ],
};
