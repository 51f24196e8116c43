/**
 * Go's text/template over Go-typed values: parse a set of templates once, execute them many
 * times. Function maps (sprig, helm) are plain records of typed functions.
 */
export { Templates, TemplateError } from './template.js';
export type { TemplateLimit, TemplateLimits, TemplateOptions } from './template.js';
export * from './value.js';
