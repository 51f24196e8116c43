// Helm's built-in objects: .Release, .Chart, .Capabilities, .Template, .Files.
export default {
  area: 'helm-objects',
  cases: [
    [
      'release-all',
      '{{ .Release.Name }}|{{ .Release.Namespace }}|{{ .Release.IsInstall }}|{{ .Release.IsUpgrade }}|{{ .Release.Revision }}|{{ .Release.Service }}',
    ],
    ['release-keys', '{{ keys .Release | sortAlpha | toJson }}'],
    ['release-missing-field', '[{{ .Release.Nope }}]'],
    [
      'chart-fields',
      '{{ .Chart.Name }}|{{ .Chart.Version }}|{{ .Chart.AppVersion }}|{{ .Chart.Description }}|{{ .Chart.Type }}|{{ .Chart.APIVersion }}',
    ],
    [
      'chart-collections',
      '{{ .Chart.Keywords }}|{{ .Chart.Annotations }}|{{ .Chart.Annotations.team }}|{{ .Chart.Maintainers }}|{{ .Chart.Sources }}|{{ .Chart.Dependencies }}',
    ],
    [
      'chart-empty-fields',
      '[{{ .Chart.Home }}][{{ .Chart.Icon }}][{{ .Chart.KubeVersion }}][{{ .Chart.Deprecated }}][{{ .Chart.Condition }}][{{ .Chart.Tags }}]',
    ],
    ['chart-missing-field', '{{ .Chart.Nope }}'],
    ['chart-isroot', '{{ .Chart.IsRoot }}'],
    ['chart-methods', '{{ .Chart.Validate }}'],
    [
      'capabilities-kube',
      '{{ .Capabilities.KubeVersion.Version }}|{{ .Capabilities.KubeVersion.Major }}|{{ .Capabilities.KubeVersion.Minor }}|{{ .Capabilities.KubeVersion.GitVersion }}|{{ .Capabilities.KubeVersion }}',
    ],
    ['capabilities-kube-missing', '{{ .Capabilities.KubeVersion.Patch }}'],
    [
      'capabilities-helm-version',
      '{{ .Capabilities.HelmVersion.Version }}|{{ .Capabilities.HelmVersion.GitCommit }}|{{ .Capabilities.HelmVersion.GitTreeState }}|{{ .Capabilities.HelmVersion.GoVersion }}',
    ],
    ['capabilities-helm-version-more', '{{ .Capabilities.HelmVersion.KubeClientVersion }}'],
    [
      'capabilities-has',
      '{{ .Capabilities.APIVersions.Has "v1" }}{{ .Capabilities.APIVersions.Has "apps/v1" }}{{ .Capabilities.APIVersions.Has "apps/v1/Deployment" }}{{ .Capabilities.APIVersions.Has "apps/v1/Nope" }}{{ .Capabilities.APIVersions.Has "batch/v1" }}{{ .Capabilities.APIVersions.Has "" }}',
    ],
    [
      'capabilities-has-common',
      '{{ range list "networking.k8s.io/v1" "policy/v1" "autoscaling/v2" "policy/v1beta1" "batch/v1beta1" "admissionregistration.k8s.io/v1" "apiextensions.k8s.io/v1" "rbac.authorization.k8s.io/v1" "storage.k8s.io/v1" "v1/Service" "v1/Pod" "networking.k8s.io/v1/Ingress" "monitoring.coreos.com/v1" }}{{ $.Capabilities.APIVersions.Has . | ternary "Y" "n" }}{{ end }}',
    ],
    [
      'capabilities-api-list',
      '{{ len .Capabilities.APIVersions }}|{{ has "apps/v1" .Capabilities.APIVersions }}',
    ],
    ['capabilities-api-list-sorted', '{{ .Capabilities.APIVersions | sortAlpha | join "," }}'],
    ['capabilities-has-no-arg', '{{ .Capabilities.APIVersions.Has }}'],
    ['template-fields', '{{ .Template.Name }}|{{ .Template.BasePath }}'],
    ['template-in-include', '{{ define "t" }}{{ .Template.Name }}{{ end }}{{ include "t" . }}'],
    [
      'files-get',
      '{{ .Files.Get "files/a.txt" }}|{{ .Files.Get "more/config.yaml" }}|[{{ .Files.Get "nope.txt" }}]|[{{ .Files.Get "more/empty.txt" }}]',
    ],
    [
      'files-get-template-files',
      '[{{ .Files.Get "Chart.yaml" }}][{{ .Files.Get "templates/out.yaml" }}][{{ .Files.Get "values.yaml" }}]',
    ],
    ['files-get-unicode', '{{ .Files.Get "more/unicode.txt" }}'],
    [
      'files-getbytes',
      '{{ .Files.GetBytes "files/b.txt" }}|{{ .Files.GetBytes "nope" }}|{{ typeOf (.Files.GetBytes "nope") }}',
    ],
    [
      'files-lines',
      '{{ .Files.Lines "files/a.txt" | toJson }}|{{ .Files.Lines "more/lines.txt" | toJson }}|{{ .Files.Lines "more/config.yaml" | len }}',
    ],
    ['files-lines-empty', '{{ .Files.Lines "more/empty.txt" | toJson }}'],
    ['files-lines-missing', '{{ .Files.Lines "nope" | toJson }}'],
    [
      'files-glob-patterns',
      '{{ range $p, $_ := .Files.Glob "more/*" }}{{ $p }};{{ end }}|{{ range $p, $_ := .Files.Glob "more/**" }}{{ $p }};{{ end }}|{{ range $p, $_ := .Files.Glob "more/*.{txt,json}" }}{{ $p }};{{ end }}',
    ],
    [
      'files-glob-more',
      '{{ range $p, $_ := .Files.Glob "**.conf" }}{{ $p }};{{ end }}|{{ range $p, $_ := .Files.Glob "more/?ata.json" }}{{ $p }};{{ end }}|{{ range $p, $_ := .Files.Glob "more/[cd]*" }}{{ $p }};{{ end }}|{{ len (.Files.Glob "nothing/*") }}',
    ],
    [
      'files-glob-star-no-slash',
      '{{ range $p, $_ := .Files.Glob "*" }}{{ $p }};{{ end }}|{{ range $p, $_ := .Files.Glob "*/*.txt" }}{{ $p }};{{ end }}',
    ],
    ['files-glob-bad', '{{ .Files.Glob "[" | len }}'],
    [
      'files-glob-get',
      '{{ (.Files.Glob "more/sub/*").Get "more/sub/deep.txt" }}|{{ range $p, $c := .Files.Glob "files/*" }}{{ $p }}={{ len $c }};{{ end }}',
    ],
    [
      'files-as-config',
      '{{ (.Files.Glob "more/sub/*").AsConfig }}\n---\n{{ (.Files.Glob "more/*.txt").AsConfig }}',
    ],
    [
      'files-as-secrets',
      '{{ (.Files.Glob "more/sub/*").AsSecrets }}\n---\n{{ (.Files.Glob "files/*").AsSecrets }}',
    ],
    [
      'files-as-config-empty',
      '[{{ (.Files.Glob "none/*").AsConfig }}][{{ (.Files.Glob "none/*").AsSecrets }}]',
    ],
    [
      'files-json-yaml',
      '{{ (.Files.Get "more/data.json" | fromJson).name }}|{{ (.Files.Get "more/config.yaml" | fromYaml).list }}',
    ],
    ['files-tpl-content', '{{ tpl (.Files.Get "more/config.yaml") . }}'],
    ['files-print', '{{ .Files.Glob "files/a.txt" }}'],
    ['files-missing-method', '{{ .Files.Nope "x" }}'],
    ['values-object-type', '{{ typeOf .Values }}|{{ kindOf .Values }}'],
    ['subcharts-absent', '[{{ .Subcharts }}]'],
  ],
};
