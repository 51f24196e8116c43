// urlParse / urlJoin, semver / semverCompare (Masterminds v3), getHostByName, removed env funcs.
export default {
  area: 'sprig-url-semver',
  cases: [
    ['urlParse-all-fields', '{{ urlParse .Values.url | toJson }}'],
    [
      'urlParse-forms',
      '{{ urlParse "mailto:a@b.c" | toJson }}|{{ urlParse "/just/path?x=1" | toJson }}|{{ urlParse "" | toJson }}',
    ],
    [
      'urlParse-encoded',
      '{{ (urlParse "http://h/a%20b?q=a%26b").path }}|{{ (urlParse "http://h/a%20b?q=a%26b").query }}|{{ (urlParse "http://[::1]:80/").hostname }}',
    ],
    ['urlParse-bad', '{{ urlParse "http://[::1" }}'],
    ['urlParse-bad-escape', '{{ urlParse "http://h/%zz" }}'],
    [
      'urlJoin',
      '{{ urlJoin (dict "scheme" "https" "host" "h.io:8443" "path" "/a b" "query" "x=1" "fragment" "f" "userinfo" "u:p") }}|{{ urlJoin (dict) }}|{{ urlJoin (dict "opaque" "a@b" "scheme" "mailto") }}',
    ],
    ['urlJoin-roundtrip', '{{ urlParse .Values.url | urlJoin }}'],
    ['urlJoin-bad-type', '{{ urlJoin (dict "host" 1) }}'],
    [
      'semver-fields',
      '{{ $v := semver .Values.version }}{{ $v.Major }}|{{ $v.Minor }}|{{ $v.Patch }}|{{ $v.Prerelease }}|{{ $v.Metadata }}|{{ $v.Original }}|{{ $v }}',
    ],
    [
      'semver-coercion',
      '{{ semver "v1.2" }}|{{ semver "1" }}|{{ (semver "v1.2.3").Original }}|{{ semver "1.2.3-rc.1" }}',
    ],
    ['semver-bad', '{{ semver "not-a-version" }}'],
    [
      'semver-methods',
      '{{ $a := semver "1.2.3" }}{{ $b := semver "1.3.0" }}{{ $a.Compare $b }}|{{ $a.LessThan $b }}|{{ $a.GreaterThan $b }}|{{ $a.Equal $a }}|{{ $a.IncMinor }}|{{ $a.IncMajor }}|{{ $a.IncPatch }}',
    ],
    ['semver-json', '{{ semver "1.2.3-a+b" | toJson }}'],
    [
      'semverCompare-basic',
      '{{ semverCompare "1.2.3" "1.2.3" }}{{ semverCompare "=1.2.3" "v1.2.3" }}{{ semverCompare "!=1.2.3" "1.2.4" }}{{ semverCompare ">1.2" "1.2.1" }}{{ semverCompare "<=1.2" "1.2.9" }}',
    ],
    [
      'semverCompare-tilde-caret',
      '{{ semverCompare "~1.2.3" "1.2.9" }}{{ semverCompare "~1.2.3" "1.3.0" }}{{ semverCompare "^1.2.3" "1.9.0" }}{{ semverCompare "^1.2.3" "2.0.0" }}{{ semverCompare "^0.2.3" "0.3.0" }}{{ semverCompare "~1" "1.9.9" }}',
    ],
    [
      'semverCompare-wildcards',
      '{{ semverCompare "1.x" "1.5.0" }}{{ semverCompare "1.2.*" "1.2.7" }}{{ semverCompare "*" "0.0.1" }}{{ semverCompare "1.X" "2.0.0" }}{{ semverCompare "*" "1.0.0-beta" }}',
    ],
    [
      'semverCompare-ranges',
      '{{ semverCompare ">= 1.2, < 2" "1.9.0" }}{{ semverCompare ">=1.2 <2" "2.0.0" }}{{ semverCompare "1.1 - 1.3" "1.3.5" }}{{ semverCompare "<1 || >=3" "3.1.0" }}{{ semverCompare "<1 || >=3" "2.0.0" }}',
    ],
    [
      'semverCompare-prerelease',
      '{{ semverCompare ">=1.20" "1.21.0-eks-1" }}{{ semverCompare ">=1.20-0" "1.21.0-eks-1" }}{{ semverCompare ">=1.2.3-alpha" "1.2.3-beta" }}{{ semverCompare "<1.2.3" "1.2.3-rc1" }}{{ semverCompare "^1.2.3-0" "1.2.4-alpha" }}',
    ],
    [
      'semverCompare-kube',
      '{{ semverCompare ">=1.19-0" .Capabilities.KubeVersion.Version }}{{ semverCompare "<1.25-0" .Capabilities.KubeVersion.GitVersion }}{{ semverCompare ">=1.31.0" .Capabilities.KubeVersion.Version }}',
    ],
    ['semverCompare-bad-constraint', '{{ semverCompare "=>1.0" "1.0.0" }}'],
    ['semverCompare-bad-version', '{{ semverCompare ">1.0" "abc" }}'],
    [
      'semverCompare-metadata',
      '{{ semverCompare "=1.2.3" "1.2.3+build" }}{{ semverCompare ">1.2.3" "1.2.3+build" }}',
    ],
    [
      'getHostByName',
      '[{{ getHostByName "localhost" }}][{{ getHostByName "" }}]|{{ typeOf (getHostByName "localhost") }}',
    ],
    ['env-removed', '{{ env "HOME" }}'],
    ['expandenv-removed', '{{ expandenv "$HOME" }}'],
  ],
};
