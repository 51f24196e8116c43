import { Ajv } from 'ajv';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { RE2JS } from 're2js';
import { CHECKED_FORMATS, DATE_TIME } from '../../src/schemas/formats.js';

/** Patterns as Kubernetes runs them: Go's RE2 syntax; one RE2 cannot compile matches everything. */
function re2RegExp(pattern: string): { test(value: string): boolean; toString(): string } {
  // ajv keys compiled patterns by their toString().
  const toString = () => pattern;
  try {
    const re = RE2JS.compile(pattern);
    return { test: (value) => re.test(value), toString };
  } catch {
    return { test: () => true, toString };
  }
}

/** ajv configured exactly as the registry used it before the interpreter: the oracle to compare with. */
export function oracleAjv(): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strict: false,
    allowUnionTypes: true,
    validateSchema: false,
    logger: false,
    code: { regExp: Object.assign(re2RegExp, { code: 'new RegExp' }), optimize: false },
  });
  for (const name of CHECKED_FORMATS) {
    if (name !== 'date-time') ajv.addFormat(name, fullFormats[name as keyof typeof fullFormats]);
  }
  ajv.addFormat('date-time', DATE_TIME);
  return ajv;
}
