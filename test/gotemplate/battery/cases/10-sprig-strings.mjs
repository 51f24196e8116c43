// sprig string functions.
export default {
  area: 'sprig-strings',
  cases: [
    ['hello', '{{ hello }}'],
    [
      'abbrev',
      '{{ abbrev 5 "hello world" }}|{{ abbrev 3 "hello" }}|{{ abbrev 20 "short" }}|{{ abbrev 4 "héllo wörld" }}',
    ],
    [
      'abbrevboth',
      '{{ abbrevboth 5 10 "1234 5678 9123" }}|{{ abbrevboth 2 8 "abcdefghijkl" }}|{{ abbrevboth 0 4 "abcdef" }}',
    ],
    ['upper-lower', '{{ upper "héllo" }}|{{ lower "HÉLLO" }}|{{ upper "ß" }}|{{ lower "İ" }}'],
    [
      'title-untitle',
      '{{ title "hello wORLD-foo bar_baz" }}|{{ untitle "Hello World" }}|{{ title "" }}|{{ title "élan vital" }}',
    ],
    [
      'substr',
      '{{ substr 1 3 "abcdef" }}|{{ substr 0 -1 "abc" }}|{{ substr -1 2 "abc" }}|{{ substr 2 100 "abc" }}|[{{ substr 0 0 "abc" }}]',
    ],
    ['substr-reversed', '{{ substr 3 1 "abcdef" }}'],
    ['substr-unicode-bytes', '{{ substr 0 2 "héllo" }}|{{ substr 1 3 "héllo" | len }}'],
    ['repeat', '{{ repeat 3 "ab" }}|{{ repeat 0 "x" }}|[{{ repeat 2 "" }}]'],
    ['repeat-negative', '{{ repeat -1 "x" }}'],
    [
      'trim-family',
      '[{{ trim "\\t a b \\n" }}][{{ trimAll "-" "--a-b--" }}][{{ trimall "xy" "yxaxy" }}][{{ trimSuffix ".yaml" "a.yaml.yaml" }}][{{ trimPrefix "v" "vv1" }}]',
    ],
    ['trim-unicode-space', '[{{ trim "\\u00a0x\\u2003" }}]'],
    ['nospace', '{{ nospace " a b\\tc\\nd " }}'],
    [
      'initials',
      '{{ initials "first second third" }}|{{ initials "  spaced   words " }}|{{ initials "éa b" }}',
    ],
    ['swapcase', '{{ swapcase "Hello World ÉÀ" }}|{{ swapcase "" }}'],
    [
      'snakecase',
      '{{ snakecase "FirstName" }}|{{ snakecase "HTTPServer" }}|{{ snakecase "already_snake" }}|{{ snakecase "with space" }}|{{ snakecase "ID" }}|{{ snakecase "camelCaseString" }}',
    ],
    [
      'camelcase',
      '{{ camelcase "http_server" }}|{{ camelcase "first-name" }}|{{ camelcase "_a_b" }}|{{ camelcase "AlreadyCamel" }}|{{ camelcase "with space" }}',
    ],
    [
      'kebabcase',
      '{{ kebabcase "FirstName" }}|{{ kebabcase "HTTPServer" }}|{{ kebabcase "snake_case" }}|{{ kebabcase "with space" }}|{{ kebabcase "ABC123Def" }}',
    ],
    ['wrap', '{{ wrap 5 "An example text that wraps" }}|{{ wrap 80 "short" }}|{{ wrap 3 "abcdefgh" }}'],
    ['wrapWith', '{{ wrapWith 5 "\\t" "Hello world again" }}|{{ wrapWith 3 "|" "aaaaaa bb" }}'],
    [
      'contains-prefix-suffix',
      '{{ contains "ll" "hello" }}{{ contains "" "x" }}{{ hasPrefix "he" "hello" }}{{ hasPrefix "lo" "hello" }}{{ hasSuffix "lo" "hello" }}{{ hasSuffix "" "" }}',
    ],
    [
      'quote-forms',
      '{{ quote "a" "b" }}|{{ quote }}|{{ quote 1 nil 2 }}|{{ quote (list 1) }}|{{ quote true }}|{{ quote "tab\\there" }}',
    ],
    ['squote-forms', '{{ squote "it\'s" }}|{{ squote nil "a" }}|{{ squote 1.5 }}|{{ squote .Values.m }}'],
    ['quote-unicode', '{{ quote "héllo ✓ \\u0001" }}'],
    [
      'cat',
      '{{ cat "a" "b" "c" }}|{{ cat "a" nil "b" }}|{{ cat }}|{{ cat 1 2.5 true }}|{{ cat (list 1 2) "x" }}',
    ],
    ['indent', '{{ indent 2 "a\\nb\\n" }}|{{ indent 0 "x" }}|{{ indent 3 "" }}'],
    ['indent-negative', '{{ indent -1 "a" }}'],
    ['nindent', '{{ nindent 2 "a\\nb" }}|{{ nindent 4 "" }}'],
    ['indent-crlf', '{{ indent 2 "a\\r\\nb" | toJson }}'],
    [
      'replace',
      '{{ replace "a" "b" "banana" }}|{{ replace "" "-" "abc" }}|{{ replace "ana" "X" "banana" }}|{{ "x.y.z" | replace "." "-" }}',
    ],
    [
      'plural',
      '{{ plural "one" "many" 1 }}|{{ plural "one" "many" 0 }}|{{ plural "one" "many" 2 }}|{{ plural "one" "many" -1 }}',
    ],
    ['plural-float', '{{ plural "one" "many" .Values.float }}'],
    [
      'trunc',
      '{{ trunc 5 "hello world" }}|{{ trunc -5 "hello world" }}|{{ trunc 50 "short" }}|{{ trunc 0 "abc" }}|{{ trunc -50 "ab" }}',
    ],
    ['trunc-unicode', '{{ trunc 2 "héllo" | len }}'],
    ['split', '{{ split "," "a,b,c" }}|{{ (split "," "a,b")._0 }}|{{ split "" "ab" }}|{{ split "," "" }}'],
    [
      'splitList',
      '{{ splitList "," "a,,b" | toJson }}|{{ splitList "" "abc" | toJson }}|{{ splitList "," "" | toJson }}|{{ splitList ", " "a, b" | toJson }}',
    ],
    [
      'splitn',
      '{{ splitn "," 2 "a,b,c" }}|{{ splitn "," 0 "a,b" }}|{{ splitn "," -1 "a,b,c" }}|{{ (splitn "=" 2 "k=v=w")._1 }}',
    ],
    [
      'join',
      '{{ join "," .Values.strs }}|{{ join "" (list "a" 1 2.5 true) }}|{{ join "," (list) }}|{{ join "," (splitList "-" "x-y") }}',
    ],
    [
      'join-nil-elements',
      '{{ join "," (list nil "a" nil) }}|{{ join "," nil }}|{{ join "," .Values.missing }}',
    ],
    [
      'sortAlpha',
      '{{ sortAlpha .Values.strs | toJson }}|{{ sortAlpha (list "b" "B" "a" "10" "9") | toJson }}|{{ sortAlpha (list 3 1 2) | toJson }}',
    ],
    ['sortAlpha-non-list', '{{ sortAlpha "cba" | toJson }}|{{ sortAlpha nil | toJson }}'],
    ['toString-join-case', '{{ list "a" "b" | join "-" | upper }}'],
    [
      'seq',
      '{{ seq 5 }}|{{ seq 2 5 }}|{{ seq 5 2 }}|{{ seq 0 2 10 }}|{{ seq 10 -3 1 }}|[{{ seq 0 }}]|{{ seq 1 0 3 }}',
    ],
    ['seq-bad', '{{ seq }}|{{ seq 1 2 3 4 }}'],
    [
      'strings-on-values',
      '{{ .Values.spaces | trim }}|{{ .Values.csv | splitList "," | len }}|{{ .Values.unicode | upper }}',
    ],
    [
      'base-dir-ext-clean',
      '{{ base "/a/b/c.txt" }}|{{ dir "/a/b/c.txt" }}|{{ ext "c.tar.gz" }}|{{ clean "a/../b/./c//" }}|{{ isAbs "/x" }}|{{ isAbs "x" }}',
    ],
    [
      'path-edge-cases',
      '{{ base "" }}|{{ dir "" }}|{{ ext "noext" }}|{{ clean "" }}|{{ base "/" }}|{{ dir "a" }}',
    ],
    [
      'os-paths',
      '{{ osBase "/a/b" }}|{{ osDir "/a/b" }}|{{ osExt "x.y" }}|{{ osClean "/a//b/" }}|{{ osIsAbs "/a" }}',
    ],
  ],
};
