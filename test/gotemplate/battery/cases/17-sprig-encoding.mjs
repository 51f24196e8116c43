// sprig encodings and hashes (deterministic), and crypto whose output is random (compared by shape).
const PEM = (label) => `^-----BEGIN ${label}-----\\n[A-Za-z0-9+/=\\n]+-----END ${label}-----\\n$`;

export default {
  area: 'sprig-encoding',
  cases: [
    [
      'b64',
      '{{ b64enc "hello world" }}|{{ b64dec "aGVsbG8gd29ybGQ=" }}|{{ b64enc "" }}|{{ b64enc "é😀" }}|{{ b64dec .Values.b64 }}',
    ],
    ['b64dec-bad', '{{ b64dec "not base64!" }}'],
    ['b64dec-unpadded', '{{ b64dec "aGk" }}'],
    ['b64dec-url-alphabet', '{{ b64dec "-_-_" }}'],
    ['b64dec-binary', '{{ b64dec "/w==" | len }}|{{ b64dec "gA==" | toJson }}'],
    ['b32', '{{ b32enc "hello" }}|{{ b32dec "NBSWY3DP" }}|{{ b32enc "" }}'],
    ['b32dec-bad', '{{ b32dec "1!" }}'],
    ['hashes', '{{ sha1sum "abc" }}|{{ sha256sum "abc" }}|{{ adler32sum "abc" }}'],
    ['sha512sum', '{{ sha512sum "abc" }}'],
    ['hashes-unicode-empty', '{{ sha256sum "é" }}|{{ sha1sum "" }}|{{ adler32sum "" }}'],
    ['hash-non-string', '{{ sha256sum 1 }}'],
    [
      'hash-pipe-values',
      '{{ .Values.str | sha256sum | trunc 8 }}|{{ toJson .Values.m | sha256sum | trunc 12 }}',
    ],
    [
      'derivePassword',
      '{{ derivePassword 1 "long" "password" "user" "example.com" }}|{{ derivePassword 2 "maximum" "pw" "u" "s" }}|{{ derivePassword 1 "pin" "pw" "u" "s" }}',
    ],
    [
      'derivePassword-types',
      '{{ derivePassword 1 "medium" "pw" "u" "s" }}|{{ derivePassword 1 "short" "pw" "u" "s" }}|{{ derivePassword 1 "basic" "pw" "u" "s" }}',
    ],
    ['derivePassword-bad-type', '{{ derivePassword 1 "nosuch" "pw" "u" "s" }}'],
    ['aes-roundtrip', '{{ encryptAES "secretkey" "plaintext" | decryptAES "secretkey" }}'],
    [
      'encryptAES-shape',
      '{{ encryptAES "k" "some text" }}',
      { shape: { len: true, match: ['^[A-Za-z0-9+/]+=*$'] } },
    ],
    ['decryptAES-bad', '{{ decryptAES "k" "bm90IGVuY3J5cHRlZA==" }}'],
    ['decryptAES-not-base64', '{{ decryptAES "k" "!!" }}'],
    [
      'bcrypt-shape',
      '{{ bcrypt "password" }}',
      { shape: { len: true, match: ['^\\$2a\\$10\\$[./A-Za-z0-9]{53}$'] } },
    ],
    [
      'htpasswd-shape',
      '{{ htpasswd "user" "password" }}',
      { shape: { len: true, match: ['^user:\\$2a\\$10\\$[./A-Za-z0-9]{53}$'] } },
    ],
    ['htpasswd-colon', '{{ htpasswd "us:er" "pw" }}'],
    ['genPrivateKey-rsa', '{{ genPrivateKey "rsa" }}', { shape: { match: [PEM('RSA PRIVATE KEY')] } }],
    ['genPrivateKey-ecdsa', '{{ genPrivateKey "ecdsa" }}', { shape: { match: [PEM('EC PRIVATE KEY')] } }],
    [
      'genPrivateKey-ed25519',
      '{{ genPrivateKey "ed25519" }}',
      { shape: { lines: true, match: [PEM('PRIVATE KEY')] } },
    ],
    ['genPrivateKey-unknown', '{{ genPrivateKey "nope" }}'],
    [
      'genCA',
      '{{ $ca := genCA "my-ca" 365 }}{{ $ca.Cert }}{{ $ca.Key }}',
      { shape: { match: [`^${PEM('CERTIFICATE').slice(1, -1)}${PEM('RSA PRIVATE KEY').slice(1)}`] } },
    ],
    [
      'genCA-fields',
      '{{ $ca := genCA "my-ca" 365 }}{{ typeOf $ca }}|{{ kindOf $ca }}|{{ hasPrefix "-----BEGIN" $ca.Cert }}',
    ],
    [
      'genSelfSignedCert',
      '{{ $c := genSelfSignedCert "example.com" (list "10.0.0.1") (list "alt.example.com") 30 }}{{ $c.Cert }}',
      { shape: { match: [PEM('CERTIFICATE')] } },
    ],
    [
      'genSignedCert',
      '{{ $ca := genCA "ca" 1 }}{{ $c := genSignedCert "svc" nil (list "svc.ns") 1 $ca }}{{ $c.Key }}',
      { shape: { match: [PEM('RSA PRIVATE KEY')] } },
    ],
    [
      'genSignedCert-bad-ip',
      '{{ $ca := genCA "ca" 1 }}{{ genSignedCert "svc" (list "not-an-ip") nil 1 $ca }}',
    ],
    [
      'genCAWithKey',
      '{{ $k := genPrivateKey "ecdsa" }}{{ $ca := genCAWithKey "ca" 1 $k }}{{ eq $ca.Key $k }}|{{ hasPrefix "-----BEGIN CERTIFICATE-----" $ca.Cert }}',
    ],
    ['genCAWithKey-bad-key', '{{ genCAWithKey "ca" 1 "not a key" }}'],
    [
      'buildCustomCert',
      '{{ $ca := genCA "ca" 1 }}{{ $c := buildCustomCert ($ca.Cert | b64enc) ($ca.Key | b64enc) }}{{ eq $c.Cert $ca.Cert }}',
    ],
    ['buildCustomCert-bad', '{{ buildCustomCert "eA==" "eA==" }}'],
    ['randBytes-shape', '{{ randBytes 12 }}', { shape: { len: true, match: ['^[A-Za-z0-9+/]{16}$'] } }],
    ['urlquery-builtin', '{{ urlquery "a b&c=d/é" }}|{{ urlquery "x" 1 }}|{{ urlquery }}'],
    ['html-builtin', '{{ html "<a href=\\"x\\">\'&</a>" }}|{{ html 1 "<" }}|{{ html "\\u0000" }}'],
    ['js-builtin', '{{ js "a\'b\\"c<d>e&f=\\\\ \\n\\u2028" }}|{{ js 1 }}|{{ js "é\\u0001" }}'],
    [
      'genSelfSignedCertWithKey',
      '{{ $k := genPrivateKey "ecdsa" }}{{ $c := genSelfSignedCertWithKey "x.io" nil (list "x.io") 1 $k }}{{ eq $c.Key $k }}|{{ hasPrefix "-----BEGIN CERTIFICATE-----" $c.Cert }}',
    ],
    [
      'genSignedCertWithKey',
      '{{ $ca := genCA "ca" 1 }}{{ $k := genPrivateKey "ed25519" }}{{ $c := genSignedCertWithKey "svc" nil nil 1 $ca $k }}{{ eq $c.Key $k }}|{{ hasSuffix "-----END CERTIFICATE-----\\n" $c.Cert }}',
    ],
    [
      'genSignedCertWithKey-bad-key',
      '{{ $ca := genCA "ca" 1 }}{{ genSignedCertWithKey "svc" nil nil 1 $ca "nope" }}',
    ],
    ['genPrivateKey-dsa', '{{ genPrivateKey "dsa" | len | lt 100 }}'],
  ],
};
