import { Ajv, type ValidateFunction } from 'ajv';
import { addKubernetesFormats, regExpEngine } from './formats.js';

/**
 * One ajv instance per registry. allErrors: report every problem of an object at once;
 * verbose: errors carry their schema, for "did you mean" hints; strict off and no logger,
 * because CRD schemas are third-party input and the core prints nothing.
 */
export function newAjv(): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strict: false,
    allowUnionTypes: true,
    validateSchema: false,
    logger: false,
    // Code optimisation passes cost more than they save: each schema validates few objects.
    code: { regExp: regExpEngine, optimize: false },
  });
  addKubernetesFormats(ajv);
  return ajv;
}

export type { ValidateFunction };
