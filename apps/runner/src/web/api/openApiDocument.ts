import { openApiPaths } from './openApiPaths.js';
import { openApiSchemas } from './openApiSchemas.js';

/**
 * The read API's OpenAPI 3.1 description, served at `/api/v1/openapi.json`. Schemas are
 * JSON Schema 2020-12; `serveApi.test.ts` validates real responses of a demo night against
 * them, so this document cannot drift from what the server answers. Its parts: the info,
 * servers, components (parameters, security schemes, `openApiSchemas`) and `openApiPaths`.
 */
export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'truth-spine read API',
      version: '1',
      description:
        'Read-only. Routes returning numbers of a pack answer 503 while the latest pack is not fresh; ?pack=ID serves the newest fresh pack meanwhile. Runs and breaks are answered whatever the gate says and name its state. With HTTP_ACCESS_TOKEN set, send it as a bearer token.',
    },
    servers: [{ url: '/api/v1' }],
    components: {
      parameters: {
        pack: {
          name: 'pack',
          in: 'query',
          required: false,
          schema: { type: 'string' },
          description: 'a pack id: the latest pack when fresh, or the newest fresh pack',
        },
        id: { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
      },
      securitySchemes: { token: { type: 'http', scheme: 'bearer' } },
      schemas: openApiSchemas(),
    },
    security: [{}, { token: [] }],
    paths: openApiPaths(),
  };
}
