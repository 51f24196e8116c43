// sprig regular expressions: Go RE2 syntax and Go's replacement template rules.
export default {
  area: 'sprig-regex',
  cases: [
    [
      'regexMatch',
      '{{ regexMatch "^[a-z]+$" "abc" }}{{ regexMatch "^[a-z]+$" "aBc" }}{{ regexMatch "b" "abc" }}{{ regexMatch "" "" }}',
    ],
    ['regexMatch-bad', '{{ regexMatch "(" "x" }}'],
    ['mustRegexMatch-bad', '{{ mustRegexMatch "(" "x" }}'],
    ['mustRegexMatch-ok', '{{ mustRegexMatch "^v\\\\d+" "v12" }}'],
    [
      'regexFind',
      '{{ regexFind "[0-9]+" "ab12cd345" }}|[{{ regexFind "z" "abc" }}]|{{ mustRegexFind "a." "xabx" }}',
    ],
    [
      'regexFindAll',
      '{{ regexFindAll "[0-9]+" "a1b22c333" -1 | toJson }}|{{ regexFindAll "[0-9]+" "a1b22c333" 2 | toJson }}|{{ regexFindAll "x" "abc" -1 | toJson }}|{{ regexFindAll "a" "aaa" 0 | toJson }}',
    ],
    [
      'regexFindAll-empty-matches',
      '{{ regexFindAll "a*" "baaab" -1 | toJson }}|{{ mustRegexFindAll "" "abc" -1 | toJson }}',
    ],
    [
      'regexReplaceAll-groups',
      '{{ regexReplaceAll "(\\\\w+)@(\\\\w+)" "me@host you@there" "$2.$1" }}|{{ regexReplaceAll "a(x*)b" "-ab-axxb-" "${1}W" }}|{{ regexReplaceAll "a(x*)b" "-ab-axxb-" "$1W" }}',
    ],
    [
      'regexReplaceAll-named',
      '{{ regexReplaceAll "(?P<first>\\\\w+) (?P<last>\\\\w+)" "John Smith" "${last}, ${first}" }}|{{ regexReplaceAll "(a)" "a" "$$1" }}|{{ regexReplaceAll "(a)" "a" "$9" }}',
    ],
    ['regexReplaceAll-empty-match', '{{ regexReplaceAll "x*" "abc" "-" }}|{{ regexReplaceAll "" "ab" "." }}'],
    [
      'regexReplaceAllLiteral',
      '{{ regexReplaceAllLiteral "a(x*)b" "-ab-axxb-" "${1}" }}|{{ mustRegexReplaceAllLiteral "\\\\." "a.b" "$" }}',
    ],
    ['mustRegexReplaceAll-bad', '{{ mustRegexReplaceAll "[" "x" "y" }}'],
    ['regexReplaceAll-bad', '[{{ regexReplaceAll "[" "x" "y" }}]'],
    [
      'regexSplit',
      '{{ regexSplit "," "a,b,c" -1 | toJson }}|{{ regexSplit "," "a,b,c" 2 | toJson }}|{{ regexSplit "," "a,b,c" 0 | toJson }}|{{ regexSplit "\\\\s+" " a  b " -1 | toJson }}|{{ regexSplit "" "abc" -1 | toJson }}',
    ],
    ['mustRegexSplit-bad', '{{ mustRegexSplit "(" "a" -1 }}'],
    ['regexQuoteMeta', '{{ regexQuoteMeta "1.2.3+[a]*?(b)|^$\\\\" }}'],
    [
      're2-case-insensitive',
      '{{ regexMatch "(?i)^hello$" "HeLLo" }}|{{ regexFind "(?i)é" "É" }}|{{ regexReplaceAll "(?i)a" "AaA" "x" }}',
    ],
    [
      're2-classes',
      '{{ regexFindAll "[[:alpha:]]+" "ab1cd2" -1 | toJson }}|{{ regexFindAll "\\\\pL+" "héllo 1 wörld" -1 | toJson }}|{{ regexFindAll "\\\\PL+" "ab12cd" -1 | toJson }}|{{ regexFindAll "[[:^digit:]]" "a1" -1 | toJson }}',
    ],
    [
      're2-anchors',
      '{{ regexMatch "a\\\\z" "ba" }}|{{ regexMatch "\\\\Aa" "ab" }}|{{ regexFindAll "(?m)^\\\\w" "ab\\ncd" -1 | toJson }}|{{ regexFindAll "^\\\\w" "ab\\ncd" -1 | toJson }}',
    ],
    ['re2-dot-newline', '{{ regexMatch "a.b" "a\\nb" }}|{{ regexMatch "(?s)a.b" "a\\nb" }}'],
    [
      're2-non-greedy',
      '{{ regexFind "a.*?b" "aXbYb" }}|{{ regexFind "a.*b" "aXbYb" }}|{{ regexFind "(?U)a.*b" "aXbYb" }}',
    ],
    [
      're2-word-boundary',
      '{{ regexFindAll "\\\\bfoo\\\\b" "foo foobar bar foo" -1 | len }}|{{ regexReplaceAll "\\\\B" "abc" "-" }}',
    ],
    ['re2-leftmost-first', '{{ regexFind "a|ab" "ab" }}|{{ regexFind "ab|a" "ab" }}'],
    [
      're2-repetition',
      '{{ regexFind "a{2,3}" "aaaa" }}|{{ regexFind "a{2,}" "aaaaa" }}|{{ regexMatch "^a{,2}$" "a{,2}" }}',
    ],
    [
      're2-unicode-classes',
      '{{ regexFindAll "\\\\p{Greek}+" "abc αβγ" -1 | toJson }}|{{ regexFindAll "\\\\d" "1٣" -1 | toJson }}|{{ regexFindAll "\\\\w+" "héllo" -1 | toJson }}',
    ],
    ['re2-backreference-rejected', '{{ mustRegexMatch "(a)\\\\1" "aa" }}'],
    ['re2-lookahead-rejected', '{{ mustRegexMatch "a(?=b)" "ab" }}'],
    [
      're2-escapes',
      '{{ regexMatch "\\\\x41" "A" }}|{{ regexMatch "\\\\x{1F600}" "😀" }}|{{ regexMatch "\\\\Qa.b\\\\E" "a.b" }}|{{ regexMatch "\\\\Qa.b\\\\E" "axb" }}',
    ],
    ['re2-replace-unicode', '{{ regexReplaceAll "." "héllo" "[$0]" }}'],
    [
      'regex-on-values',
      '{{ regexReplaceAll "\\\\s+" .Values.long " " | len }}|{{ regexFind "[0-9.]+" .Values.version }}|{{ regexSplit "[,;]" "a;b,c" -1 | len }}',
    ],
  ],
};
