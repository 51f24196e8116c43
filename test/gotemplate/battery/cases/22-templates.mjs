// define / template / block, include and tpl: nesting, recursion, data, and their errors.
export default {
  area: 'templates',
  cases: [
    [
      'define-template-dot',
      '{{ define "t" }}<{{ . }}>{{ end }}{{ template "t" .Values.str }}|{{ template "t" }}|{{ template "t" 1.5 }}',
    ],
    [
      'define-multiple',
      '{{ define "a" }}A{{ template "b" }}{{ end }}{{ define "b" }}B{{ end }}{{ template "a" }}',
    ],
    [
      'define-redefine-in-one-text',
      '{{ define "t" }}first{{ end }}{{ define "t" }}second{{ end }}{{ template "t" }}',
    ],
    ['define-redefine-empty', '{{ define "t" }}first{{ end }}{{ define "t" }}{{ end }}[{{ template "t" }}]'],
    ['define-whitespace', '{{- define "t" -}}\n  trimmed\n{{- end -}}\n[{{ template "t" }}]'],
    ['define-output-position', 'a{{ define "t" }}X{{ end }}b{{ template "t" }}c'],
    ['block', '{{ block "b" .Values.str }}default:{{ . }}{{ end }}'],
    ['block-redefined-in-one-text', '{{ define "b" }}override{{ end }}{{ block "b" . }}default{{ end }}'],
    [
      'block-overridden-through-tpl',
      '{{ define "b" }}override{{ end }}{{ tpl "{{ block \\"b\\" . }}default{{ end }}" . }}',
    ],
    [
      'define-overridden-through-tpl',
      '{{ define "t" }}outer{{ end }}{{ tpl "{{ define \\"t\\" }}inner{{ end }}{{ template \\"t\\" }}" . }}|{{ template "t" }}',
    ],
    ['template-undefined', '{{ template "nope" }}'],
    ['template-undefined-in-define', '{{ define "t" }}{{ template "nope" }}{{ end }}{{ template "t" }}'],
    [
      'template-recursion',
      '{{ define "r" }}{{ if gt . 0 }}{{ . }}{{ template "r" (sub . 1) }}{{ end }}{{ end }}{{ template "r" 3 }}',
    ],
    ['template-infinite-recursion', '{{ define "r" }}{{ template "r" . }}{{ end }}{{ template "r" 1 }}'],
    [
      'template-dot-is-arg',
      '{{ define "t" }}{{ .a }}-{{ .b }}{{ end }}{{ template "t" (dict "a" 1 "b" 2) }}',
    ],
    ['template-pipeline-arg', '{{ define "t" }}{{ . }}{{ end }}{{ template "t" .Values.str | upper }}'],
    [
      'include-basic',
      '{{ define "t" }}[{{ . }}]{{ end }}{{ include "t" "x" }}|{{ include "t" .Values.list }}|{{ include "t" nil }}',
    ],
    ['include-pipe', '{{ define "t" }}  a: 1\n  b: 2{{ end }}{{ include "t" . | trim | indent 4 }}'],
    [
      'include-no-value',
      '{{ define "t" }}{{ .missing }}{{ end }}[{{ include "t" (dict) }}]|{{ include "t" (dict) | quote }}|{{ include "t" (dict) | len }}',
    ],
    ['include-undefined', '{{ include "nope" . }}'],
    ['include-non-string-name', '{{ include 1 . }}'],
    ['include-one-arg', '{{ include "t" }}'],
    [
      'include-nested',
      '{{ define "a" }}A({{ include "b" . }}){{ end }}{{ define "b" }}B({{ include "c" . }}){{ end }}{{ define "c" }}{{ . }}{{ end }}{{ include "a" "x" }}',
    ],
    [
      'include-recursion',
      '{{ define "r" }}{{ if gt (int .) 0 }}{{ . }}{{ include "r" (sub . 1) }}{{ end }}{{ end }}{{ include "r" 5 }}',
    ],
    ['include-infinite-recursion', '{{ define "r" }}{{ include "r" . }}{{ end }}{{ include "r" 1 }}'],
    ['include-error-inside', '{{ define "t" }}{{ .x.y.z }}{{ end }}{{ include "t" (dict) }}'],
    ['include-fail-inside', '{{ define "t" }}{{ fail "inner failure" }}{{ end }}{{ include "t" . }}'],
    [
      'include-required-inside',
      '{{ define "t" }}{{ required "inner required" .x }}{{ end }}{{ include "t" (dict) }}',
    ],
    [
      'include-dict-context',
      '{{ define "t" }}{{ .root.Values.str }}-{{ .item }}{{ end }}{{ range .Values.strs }}{{ include "t" (dict "root" $ "item" .) }};{{ end }}',
    ],
    [
      'include-result-type',
      '{{ define "t" }}1{{ end }}{{ typeOf (include "t" .) }}|{{ include "t" . | int | add 1 }}',
    ],
    [
      'include-yaml-roundtrip',
      '{{ define "t" }}a: 1\nb: [x]{{ end }}{{ include "t" . | fromYaml | toJson }}',
    ],
    ['tpl-basic', '{{ tpl "{{ .Values.str }}" . }}|{{ tpl "plain" . }}|{{ tpl "" . }}'],
    ['tpl-nested-values', '{{ tpl .Values.tplnest . }}'],
    ['tpl-in-tpl', '{{ tpl "{{ tpl \\"{{ .Values.str | upper }}\\" . }}" . }}'],
    ['tpl-data-dict', '{{ tpl "{{ .a }}+{{ .b }}" (dict "a" 1 "b" 2) }}|{{ tpl "{{ . }}" "s" }}'],
    ['tpl-sees-defines', '{{ define "t" }}T{{ end }}{{ tpl "{{ include \\"t\\" . }}" . }}'],
    ['tpl-defines-not-leaking', '{{ tpl "{{ define \\"x\\" }}X{{ end }}" . }}{{ include "x" . }}'],
    ['tpl-define-then-use', '{{ tpl "{{ define \\"x\\" }}X{{ end }}{{ template \\"x\\" }}" . }}'],
    ['tpl-no-value', '[{{ tpl "{{ .missing }}" (dict) }}]|[{{ tpl "{{ .Values.missing }}" . }}]'],
    ['tpl-parse-error', '{{ tpl "{{ if }}" . }}'],
    ['tpl-exec-error', '{{ tpl .Values.tplbad . }}'],
    ['tpl-exec-error-nested', '{{ tpl "{{ tpl \\"{{ .a.b.c }}\\" (dict) }}" . }}'],
    ['tpl-fail', '{{ tpl "{{ fail \\"from tpl\\" }}" . }}'],
    ['tpl-non-string', '{{ tpl 1 . }}'],
    ['tpl-template-name', '{{ tpl "{{ .Template.Name }}|{{ .Template.BasePath }}" . }}'],
    ['tpl-template-name-dict', '[{{ tpl "{{ .Template.Name }}" (dict) }}]'],
    ['tpl-multiline-position', '{{ tpl "line1\\n  {{ .x.y.z }}" (dict) }}'],
    [
      'tpl-recursion-bounded',
      '{{ define "r" }}{{ if gt (int .) 0 }}{{ . }}{{ tpl "{{ include \\"r\\" (sub . 1) }}" . }}{{ end }}{{ end }}{{ include "r" 3 }}',
    ],
    ['template-in-tpl-uses-outer', '{{ define "t" }}outer{{ end }}{{ tpl "{{ template \\"t\\" }}" . }}'],
    [
      'tpl-dollar-is-tpl-data',
      '{{ tpl "{{ $.Values.str }}-{{ $.Release.Name }}" . }}|{{ tpl "{{ $ }}" "data" }}',
    ],
    [
      'include-dollar-is-include-data',
      '{{ define "t" }}{{ $.k }}{{ end }}{{ tpl "{{ include \\"t\\" (dict \\"k\\" \\"v\\") }}" . }}',
    ],
    [
      'tpl-template-object-passed',
      '{{ tpl "{{ .Template.Name }}|{{ .Template.BasePath }}" (dict "Template" (dict "Name" "x" "BasePath" "y")) }}',
    ],
    [
      'include-in-range-dollar',
      '{{ define "t" }}{{ .i }}{{ end }}{{ range $i, $_ := .Values.strs }}{{ include "t" (dict "i" $i) }}{{ end }}',
    ],
    [
      'template-vs-include-output',
      '{{ define "t" }}  x  {{ end }}[{{ template "t" }}][{{ include "t" . }}][{{ include "t" . | trim }}]',
    ],
  ],
};
