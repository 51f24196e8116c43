// typeOf / typeIs / typeIsLike / kindOf / kindIs / deepEqual over every kind of value.
export default {
  area: 'sprig-reflection',
  cases: [
    [
      'typeOf-values',
      '{{ typeOf .Values.str }}|{{ typeOf .Values.port }}|{{ typeOf .Values.bool }}|{{ typeOf .Values.list }}|{{ typeOf .Values.m }}|{{ typeOf .Values.nullv }}|{{ typeOf .Values.missing }}',
    ],
    [
      'typeOf-helm-objects',
      '{{ typeOf .Release }}|{{ typeOf .Chart }}|{{ typeOf .Capabilities }}|{{ typeOf .Capabilities.KubeVersion }}|{{ typeOf .Capabilities.HelmVersion }}|{{ typeOf .Template }}',
    ],
    [
      'typeOf-func-results',
      '{{ typeOf (semver "1.2.3") }}|{{ typeOf (toDate "2006" "2020") }}|{{ typeOf (.Files.GetBytes "files/b.txt") }}|{{ typeOf (.Files.Glob "files/*") }}|{{ typeOf (urlParse "http://x") }}',
    ],
    [
      'typeOf-more-results',
      '{{ typeOf (fromYaml "a: 1") }}|{{ typeOf (fromYamlArray "- 1") }}|{{ typeOf (.Files.Lines "files/a.txt") }}|{{ typeOf (regexFindAll "a" "aa" -1) }}|{{ typeOf (duration 1) }}',
    ],
    [
      'kindOf-values',
      '{{ kindOf .Values.str }}|{{ kindOf .Values.port }}|{{ kindOf .Values.bool }}|{{ kindOf .Values.list }}|{{ kindOf .Values.m }}|{{ kindOf .Values.nullv }}|{{ kindOf 1 }}|{{ kindOf (int64 1) }}',
    ],
    [
      'kindOf-objects',
      '{{ kindOf .Release }}|{{ kindOf .Chart }}|{{ kindOf .Capabilities }}|{{ kindOf .Files }}|{{ kindOf (semver "1.0.0") }}|{{ kindOf (.Files.GetBytes "files/b.txt") }}',
    ],
    [
      'typeIs',
      '{{ typeIs "string" "a" }}{{ typeIs "float64" 1.5 }}{{ typeIs "int" 1 }}{{ typeIs "int64" 1 }}{{ typeIs "[]interface {}" .Values.list }}{{ typeIs "map[string]interface {}" .Values.m }}{{ typeIs "<nil>" nil }}',
    ],
    [
      'typeIsLike',
      '{{ typeIsLike "string" "a" }}{{ typeIsLike "*semver.Version" (semver "1.0.0") }}{{ typeIsLike "semver.Version" (semver "1.0.0") }}{{ typeIsLike "[]string" (splitList "," "a") }}',
    ],
    [
      'kindIs',
      '{{ kindIs "string" "a" }}{{ kindIs "slice" .Values.list }}{{ kindIs "map" .Values.m }}{{ kindIs "int" 1 }}{{ kindIs "float64" .Values.port }}{{ kindIs "invalid" nil }}{{ kindIs "ptr" .Chart }}{{ kindIs "bool" true }}',
    ],
    ['kindIs-wrong', '{{ kindIs "map" .Values.list }}{{ kindIs "String" "a" }}{{ kindIs "" nil }}'],
    [
      'deepEqual',
      '{{ deepEqual .Values.m (dict "a" 1.0 "b" 2.0 "c" 3.0) }}|{{ deepEqual .Values.m (dict "a" 1 "b" 2 "c" 3) }}|{{ deepEqual (list) (list) }}|{{ deepEqual nil nil }}|{{ deepEqual (list) nil }}',
    ],
    [
      'deepEqual-typed',
      '{{ deepEqual (splitList "," "a") (list "a") }}|{{ deepEqual (int64 1) 1 }}|{{ deepEqual "a" "a" }}|{{ deepEqual (dict) (dict) }}',
    ],
    ['typeOf-nested-elements', '{{ range .Values.mixed }}{{ typeOf . }},{{ end }}'],
    [
      'typeOf-map-values',
      '{{ typeOf .Values.keyspecial }}|{{ typeOf (index .Values.listOfMaps 0) }}|{{ typeOf (index .Values.listOfMaps 0).v }}',
    ],
    [
      'typeOf-chart-fields',
      '{{ typeOf .Chart.Name }}|{{ typeOf .Chart.Keywords }}|{{ typeOf .Chart.Annotations }}|{{ typeOf .Chart.Maintainers }}|{{ typeOf .Chart.Dependencies }}',
    ],
    [
      'typeOf-release-fields',
      '{{ typeOf .Release.Name }}|{{ typeOf .Release.Revision }}|{{ typeOf .Release.IsInstall }}',
    ],
    [
      'typeOf-capability-fields',
      '{{ typeOf .Capabilities.KubeVersion.Major }}|{{ typeOf .Capabilities.APIVersions }}|{{ typeOf .Capabilities.HelmVersion.Version }}',
    ],
  ],
};
