import { Ajv2020 } from 'ajv/dist/2020.js';

/** Checks API answers against the response schemas of an OpenAPI 3.1 document. */
export interface OpenApiValidator {
  /** Validation errors of `body` against `path`'s GET response `status` (empty = valid). */
  errors(path: string, status: number, body: unknown): string[];
}

const pointer = (...parts: string[]) =>
  parts.map((p) => encodeURIComponent(p.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');

/** A validator over `document` (its `components` resolve through `$ref`). */
export function openApiValidator(document: Record<string, unknown>): OpenApiValidator {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema(document, 'openapi');
  return {
    errors(path, status, body) {
      const at = `openapi#/${pointer('paths', path, 'get', 'responses', String(status), 'content', 'application/json', 'schema')}`;
      const validate = ajv.getSchema(at);
      if (validate === undefined) return [`the document has no schema for GET ${path} ${status}`];
      if (validate(body)) return [];
      return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
    },
  };
}
