// Idioms from real charts' helpers and templates (names, labels, YAML blocks, API checks).
const HELPERS = [
  '{{- define "app.name" -}}{{ default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}{{- end }}',
  '{{- define "app.fullname" -}}',
  '{{- if .Values.fullnameOverride }}{{ .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}',
  '{{- else }}{{- $name := default .Chart.Name .Values.nameOverride }}',
  '{{- if contains $name .Release.Name }}{{ .Release.Name | trunc 63 | trimSuffix "-" }}',
  '{{- else }}{{ printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}{{- end }}{{- end }}{{- end }}',
  '{{- define "app.chart" -}}{{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}{{- end }}',
  '{{- define "app.selectorLabels" -}}',
  'app.kubernetes.io/name: {{ include "app.name" . }}',
  'app.kubernetes.io/instance: {{ .Release.Name }}',
  '{{- end }}',
  '{{- define "app.labels" -}}',
  'helm.sh/chart: {{ include "app.chart" . }}',
  '{{ include "app.selectorLabels" . }}',
  '{{- if .Chart.AppVersion }}',
  'app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}',
  '{{- end }}',
  'app.kubernetes.io/managed-by: {{ .Release.Service }}',
  '{{- end }}',
].join('\n');

const withHelpers = (body) => `${HELPERS}\n${body}`;

export default {
  area: 'chart-idioms',
  cases: [
    ['fullname', withHelpers('{{ include "app.fullname" . }}')],
    ['labels-block', withHelpers('metadata:\n  labels:\n    {{- include "app.labels" . | nindent 4 }}')],
    ['selector-labels-yaml', withHelpers('{{ include "app.selectorLabels" . | fromYaml | toJson }}')],
    [
      'name-override-context',
      withHelpers(
        '{{ include "app.fullname" (dict "Values" (dict "nameOverride" "x") "Chart" .Chart "Release" .Release) }}',
      ),
    ],
    [
      'fullname-contains-release',
      withHelpers(
        '{{ include "app.fullname" (dict "Values" (dict "nameOverride" "rel-suffix") "Chart" .Chart "Release" .Release) }}|{{ include "app.fullname" (dict "Values" (dict "nameOverride" "el") "Chart" .Chart "Release" .Release) }}',
      ),
    ],
    [
      'fullname-long-trunc',
      withHelpers(
        '{{ include "app.fullname" (dict "Values" (dict "fullnameOverride" (repeat 70 "a-")) "Chart" .Chart "Release" .Release) | len }}',
      ),
    ],
    ['toYaml-nindent-with', '{{- with .Values.nested }}\nspec:\n  {{- toYaml . | nindent 2 }}\n{{- end }}'],
    [
      'toYaml-list-nindent',
      'args:\n{{- toYaml .Values.strs | nindent 2 }}\nports: {{ .Values.list | toJson }}',
    ],
    [
      'range-env-list',
      'env:\n{{- range $k, $v := .Values.m }}\n  - name: {{ $k | upper }}\n    value: {{ $v | quote }}\n{{- end }}',
    ],
    [
      'ingress-api-version',
      '{{- if .Capabilities.APIVersions.Has "networking.k8s.io/v1/Ingress" }}networking.k8s.io/v1{{- else if .Capabilities.APIVersions.Has "networking.k8s.io/v1beta1" }}v1beta1{{- else }}extensions/v1beta1{{- end }}',
    ],
    [
      'semver-kube-gate',
      '{{ if semverCompare ">=1.19-0" .Capabilities.KubeVersion.GitVersion }}networking.k8s.io/v1{{ else }}networking.k8s.io/v1beta1{{ end }}|{{ if semverCompare "<1.25-0" .Capabilities.KubeVersion.Version }}psp{{ else }}no-psp{{ end }}',
    ],
    [
      'pdb-api',
      '{{ ternary "policy/v1" "policy/v1beta1" (.Capabilities.APIVersions.Has "policy/v1/PodDisruptionBudget") }}',
    ],
    [
      'checksum-annotation',
      'checksum/config: {{ toYaml .Values.m | sha256sum }}\nchecksum/secret: {{ include "cfg" . | sha256sum | trunc 10 }}{{ define "cfg" }}a: {{ .Values.str }}{{ end }}',
    ],
    ['tpl-values-block', '{{ tpl (toYaml (dict "host" "{{ .Release.Name }}.example.com" "n" 1)) . }}'],
    [
      'tpl-if-string',
      '{{ $v := dict "a" "{{ .Release.Namespace }}" "b" 2 }}{{ range $k, $x := $v }}{{ if kindIs "string" $x }}{{ tpl $x $ }}{{ else }}{{ $x }}{{ end }};{{ end }}',
    ],
    [
      'image-tag-default',
      '{{ $img := dict "repository" "repo/app" "tag" "" }}{{ printf "%s:%s" $img.repository (default .Chart.AppVersion $img.tag) }}',
    ],
    [
      'secret-b64-quote',
      'password: {{ .Values.str | b64enc | quote }}\nport: {{ .Values.port | toString | b64enc }}',
    ],
    [
      'random-secret-shape',
      'password: {{ randAlphaNum 20 | b64enc | quote }}',
      { shape: { len: true, match: ['^password: "[A-Za-z0-9+/]{27}="$'] } },
    ],
    [
      'lookup-or-generate',
      '{{ $s := lookup "v1" "Secret" .Release.Namespace "name" }}{{ if $s }}{{ index $s.data "pw" }}{{ else }}generated{{ end }}',
    ],
    [
      'merge-defaults',
      '{{ $d := dict "replicas" 1 "image" (dict "tag" "latest" "pull" "IfNotPresent") }}{{ $u := dict "image" (dict "tag" "v2") }}{{ mergeOverwrite (deepCopy $d) $u | toJson }}|{{ $d | toJson }}',
    ],
    [
      'dig-optional',
      '{{ dig "a" "b" "c" "none" .Values.deep }}|{{ dig "persistence" "size" "1Gi" .Values }}',
    ],
    [
      'hasKey-and-ternary',
      '{{ if and (hasKey .Values "m") (not (empty .Values.m.a)) }}{{ ternary "on" "off" .Values.bool }}{{ end }}',
    ],
    ['required-with-default', '{{ required "need str" (default .Values.str .Values.missing) }}'],
    [
      'resources-block-empty',
      'resources:\n  {{- toYaml (dict) | nindent 2 }}\nlimits: {{ .Values.emptymap | toYaml }}',
    ],
    [
      'annotations-range-quote',
      '{{- range $k, $v := dict "b.io/x" "1" "a.io/y" true }}\n{{ $k }}: {{ $v | quote }}\n{{- end }}',
    ],
    [
      'list-join-hosts',
      '{{ $hosts := list }}{{ range .Values.strs }}{{ $hosts = append $hosts (printf "%s.%s.svc" . $.Release.Namespace) }}{{ end }}{{ join "," $hosts }}',
    ],
    [
      'port-int-printf',
      'containerPort: {{ .Values.port }}\ntargetPort: {{ printf "%d" (int .Values.port) }}\nstr: {{ .Values.port | int | toString | quote }}',
    ],
    ['files-configmap', 'data:\n{{ (.Files.Glob "more/sub/*").AsConfig | indent 2 }}'],
    [
      'files-range-get',
      '{{- range $path, $_ := .Files.Glob "files/*" }}\n{{ base $path }}: |-\n{{ $.Files.Get $path | indent 2 }}\n{{- end }}',
    ],
    [
      'without-empty-entries',
      '{{ compact (list .Values.str .Values.emptystr .Values.missing "x") | join " " }}',
    ],
    [
      'nodeselector-with-else',
      'nodeSelector:{{ with .Values.emptymap }} {{ toYaml . }}{{ else }} {}{{ end }}',
    ],
  ],
};
