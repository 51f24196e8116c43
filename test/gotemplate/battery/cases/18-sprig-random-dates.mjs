// Random strings and UUIDs (compared by shape), and dates (fixed instants; the clock by shape).
// helm runs in UTC when recording, so "local time" is UTC.
export default {
  area: 'sprig-random-dates',
  cases: [
    ['randAlphaNum', '{{ randAlphaNum 16 }}', { shape: { len: true, match: ['^[A-Za-z0-9]*$'] } }],
    ['randAlpha', '{{ randAlpha 12 }}', { shape: { len: true, match: ['^[A-Za-z]*$'] } }],
    ['randNumeric', '{{ randNumeric 8 }}', { shape: { len: true, match: ['^[0-9]*$'] } }],
    ['randAscii', '{{ randAscii 20 }}', { shape: { len: true, match: ['^[\\x20-\\x7e]*$'] } }],
    ['rand-zero-length', '[{{ randAlphaNum 0 }}][{{ randNumeric 0 }}]'],
    ['rand-negative-length', '{{ randAlpha -1 }}'],
    ['shuffle', '{{ shuffle "abcdef" }}', { shape: { len: true, match: ['^(?!.*(.).*\\1)[a-f]{6}$'] } }],
    [
      'uuidv4',
      '{{ uuidv4 }}',
      { shape: { match: ['^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$'] } },
    ],
    [
      'now-shape',
      '{{ now | date "2006-01-02T15:04:05Z07:00" }}',
      { shape: { match: ['^20\\d\\d-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$'] } },
    ],
    [
      'now-print-shape',
      '{{ now }}',
      {
        shape: {
          match: ['^20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d+ \\+0000 UTC m=\\+\\d+\\.\\d{9}$'],
        },
      },
    ],
    ['now-kind', '{{ typeOf now }}|{{ kindOf now }}'],
    [
      'ago-shape',
      '{{ ago (toDate "2006-01-02" "2020-01-01") }}',
      { shape: { match: ['^\\d+h\\d+m\\d+s$'] } },
    ],
    ['unixEpoch-now-shape', '{{ unixEpoch now }}', { shape: { match: ['^1\\d{9}$'] } }],
    [
      'toDate-print',
      '{{ toDate "2006-01-02" "2024-02-29" }}|{{ toDate "2006-01-02 15:04" "2024-02-29 13:45" }}',
    ],
    ['toDate-bad', '{{ toDate "2006-01-02" "not a date" }}'],
    ['mustToDate-bad', '{{ mustToDate "2006-01-02" "not a date" }}'],
    ['toDate-zone-in-layout', '{{ toDate "2006-01-02T15:04:05Z07:00" "2024-02-29T13:45:00+02:00" }}'],
    [
      'date-layouts',
      '{{ $t := toDate "2006-01-02 15:04:05" "2024-03-05 07:08:09" }}{{ date "Mon Jan 2 15:04:05 2006" $t }}|{{ date "02/01/06 3:04PM" $t }}|{{ date "January _2, 2006" $t }}|{{ date "Monday 002 .000 -0700 MST" $t }}',
    ],
    [
      'date-from-int',
      '{{ date "2006-01-02 15:04:05" 86400 }}|{{ date "2006" 0 }}|{{ date "15:04" (int64 3600) }}',
    ],
    [
      'date-from-float-is-now',
      '{{ date "2006-01-02" .Values.port }}',
      { shape: { match: ['^20\\d\\d-\\d\\d-\\d\\d$'] } },
    ],
    [
      'date-from-string-is-now',
      '{{ date "2006-01-02" "2024-01-01" }}',
      { shape: { match: ['^20\\d\\d-\\d\\d-\\d\\d$'] } },
    ],
    [
      'dateInZone',
      '{{ dateInZone "2006-01-02 15:04 MST" 0 "UTC" }}|{{ dateInZone "2006-01-02 15:04 -0700" 0 "Asia/Tokyo" }}|{{ dateInZone "15:04 MST" (toDate "2006-01-02" "2024-07-01") "America/New_York" }}',
    ],
    ['dateInZone-bad-zone', '{{ dateInZone "2006-01-02 15:04 MST" 0 "Nowhere/City" }}'],
    [
      'htmlDate',
      '{{ htmlDate 0 }}|{{ htmlDate (toDate "2006-01-02" "2024-02-29") }}|{{ htmlDateInZone 0 "Asia/Tokyo" }}',
    ],
    [
      'dateModify',
      '{{ $t := toDate "2006-01-02" "2024-02-29" }}{{ dateModify "+25h" $t }}|{{ dateModify "-1.5h" $t | date "2006-01-02 15:04" }}|{{ date_modify "10m" $t | date "15:04" }}',
    ],
    ['dateModify-bad', '{{ dateModify "nonsense" (toDate "2006-01-02" "2024-02-29") }}'],
    ['mustDateModify-bad', '{{ mustDateModify "nonsense" (toDate "2006-01-02" "2024-02-29") }}'],
    [
      'duration',
      '{{ duration 95 }}|{{ duration "3600" }}|{{ duration 0 }}|{{ duration 86400 }}|{{ duration -61 }}',
    ],
    [
      'durationRound',
      '{{ durationRound "2h10m5s" }}|{{ durationRound "30s" }}|{{ durationRound 3600 }}|{{ durationRound "400h" }}|{{ durationRound "9000h" }}|{{ durationRound "-3h" }}',
    ],
    ['durationRound-time', '{{ durationRound (toDate "2006-01-02" "2000-01-01") | len | lt 0 }}'],
    [
      'unixEpoch',
      '{{ unixEpoch (toDate "2006-01-02" "2024-02-29") }}|{{ unixEpoch (date_in_zone "2006-01-02" 0 "UTC" | toDate "2006-01-02") }}',
    ],
    [
      'time-methods',
      '{{ $t := toDate "2006-01-02" "2024-02-29" }}{{ $t.Year }}|{{ $t.Month }}|{{ $t.Day }}|{{ $t.Weekday }}|{{ $t.YearDay }}|{{ $t.Unix }}|{{ $t.Format "Jan 2" }}',
    ],
    [
      'time-compare-methods',
      '{{ $a := toDate "2006" "2020" }}{{ $b := toDate "2006" "2021" }}{{ $a.Before $b }}|{{ $a.After $b }}|{{ $a.Equal $a }}|{{ ($b.Sub $a).Hours }}',
    ],
    [
      'time-add-methods',
      '{{ $t := toDate "2006-01-02" "2024-01-31" }}{{ $t.AddDate 0 1 0 | date "2006-01-02" }}|{{ ($t.Add 3600000000000).Hour }}',
    ],
    ['time-fields-error', '{{ (toDate "2006" "2020").Nope }}'],
    [
      'time-json-yaml',
      '{{ toJson (dict "t" (toDate "2006-01-02 15:04" "2024-02-29 13:45")) }}|{{ toYaml (dict "t" (toDate "2006-01-02" "2024-02-29")) }}',
    ],
    ['must_date_modify', '{{ must_date_modify "2h" (toDate "2006-01-02" "2024-02-29") | date "15:04" }}'],
    [
      'date-alias-names',
      '{{ date_in_zone "2006-01-02" 0 "UTC" }}|{{ date_modify "-24h" (toDate "2006-01-02" "2024-03-01") | date "01-02" }}',
    ],
  ],
};
