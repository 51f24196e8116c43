import { DiagnosticError } from '../../core/diagnostic.js';
import { FieldSpecPathError } from '../fieldspecs/walk-fieldspec.js';
import { curId, resIdString, type KResource } from '../resource.js';

/** A build error about one resource, pointing at the file it came from. */
export function resourceError(r: KResource, message: string): DiagnosticError {
  return new DiagnosticError({
    rule: 'kustomize-build',
    message,
    ...(r.file ? { file: r.file } : {}),
    ...(r.line !== undefined ? { line: r.line } : {}),
  });
}

/** Runs `fn` on a resource, turning a field spec path that hits a scalar into a diagnostic. */
export function withFieldErrors(r: KResource, what: string, path: string, fn: () => void): void {
  try {
    fn();
  } catch (e) {
    if (e instanceof FieldSpecPathError || e instanceof FieldValueError) {
      throw resourceError(r, `${what}: ${resIdString(curId(r.obj))} at path '${path}': ${e.message}`);
    }
    throw e;
  }
}

/** A field a transformer must set has the wrong shape (e.g. labels that are not a map). */
export class FieldValueError extends Error {}
