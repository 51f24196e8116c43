import { compileSchema } from '../../../../src/helm/values/schema/compile.js';
import { formatErrors } from '../../../../src/helm/values/schema/index.js';
import { parseSchemaJson } from '../../../../src/helm/values/schema/json.js';
import { validateValue } from '../../../../src/helm/values/schema/validate.js';

/** The printed errors of `values` against the schema text (empty when valid). */
export function errorsOf(schema: string, values: unknown): string {
  return formatErrors(validateValue(compileSchema(parseSchemaJson(schema)), values));
}
