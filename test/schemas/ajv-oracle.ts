import { Ajv } from 'ajv';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { CHECKED_FORMATS, DATE_TIME, goRegExp } from '../../src/schemas/formats.js';

/** ajv configured exactly as the registry used it before the interpreter: the oracle to compare with. */
export function oracleAjv(): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strict: false,
    allowUnionTypes: true,
    validateSchema: false,
    logger: false,
    code: { regExp: Object.assign(goRegExp, { code: 'new RegExp' }), optimize: false },
  });
  for (const name of CHECKED_FORMATS) {
    if (name !== 'date-time') ajv.addFormat(name, fullFormats[name as keyof typeof fullFormats]);
  }
  ajv.addFormat('date-time', DATE_TIME);
  return ajv;
}
