/**
 * sprig's JSON functions. Helm replaces `toJson`, `mustToJson` and `fromJson` with its own, so
 * charts reach sprig's `toPrettyJson`, `toRawJson`, their `must` forms and `mustFromJson`. The
 * plain forms swallow a marshal error (an empty string), except `toRawJson`, which panics with
 * it, as `mustToRawJson` returns it.
 */
import { JsonMarshalError, jsonMarshal, type JsonOptions } from '../go-json.js';
import { jsonSyntaxError } from '../helm/json-scan.js';
import { GoCallError, type FuncMap, type GoValue } from '../value.js';
import { ANY, STRING, goFunc, strArg } from './define.js';

const COMPACT: JsonOptions = {};
const PRETTY: JsonOptions = { indent: '  ' };
// json.Encoder with SetEscapeHTML(false); its trailing newline is trimmed by sprig.
const RAW: JsonOptions = { escapeHtml: false };

function marshal(v: GoValue, options: JsonOptions): string {
  try {
    return jsonMarshal(v ?? null, options);
  } catch (e) {
    if (e instanceof JsonMarshalError) throw new GoCallError(e.message);
    throw e;
  }
}

function swallowing(options: JsonOptions): (v: GoValue) => string {
  return (v) => {
    try {
      return jsonMarshal(v ?? null, options);
    } catch (e) {
      if (e instanceof JsonMarshalError) return '';
      throw e;
    }
  };
}

/** json.Unmarshal into an `interface {}`: objects as maps, numbers as float64. */
function unmarshal(text: string): GoValue {
  const syntax = jsonSyntaxError(text);
  if (syntax !== undefined) throw new GoCallError(syntax);
  return JSON.parse(text) as GoValue;
}

export function jsonFuncs(): FuncMap {
  return {
    toJson: goFunc([ANY], STRING, swallowing(COMPACT)),
    mustToJson: goFunc([ANY], STRING, (v) => marshal(v, COMPACT)),
    toPrettyJson: goFunc([ANY], STRING, swallowing(PRETTY)),
    mustToPrettyJson: goFunc([ANY], STRING, (v) => marshal(v, PRETTY)),
    toRawJson: goFunc([ANY], STRING, (v) => marshal(v, RAW)),
    mustToRawJson: goFunc([ANY], STRING, (v) => marshal(v, RAW)),
    fromJson: goFunc([STRING], ANY, (s) => {
      try {
        return unmarshal(strArg(s));
      } catch (e) {
        if (e instanceof GoCallError) return null;
        throw e;
      }
    }),
    mustFromJson: goFunc([STRING], ANY, (s) => unmarshal(strArg(s))),
  };
}
