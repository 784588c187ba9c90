import { nullable, ref } from './openApiJson.js';
import { freshness } from './openApiSchemas.js';

/** The pack every pack-scoped answer names. */
const packNamed = {
  pack_id: { type: 'string' },
  as_of: { type: 'string', format: 'date' },
};
/**
 * A GET route answering numbers of one pack: `properties` beside `pack_id` and `as_of`, with
 * the gate's answers (304, 404, 409, 503); `name` containing `{id}` adds the id parameter.
 */
const packScoped = (name: string, properties: Record<string, unknown>, description: string) => ({
  get: {
    summary: description,
    parameters: [
      { $ref: '#/components/parameters/pack' },
      ...(name.includes('{id}') ? [{ $ref: '#/components/parameters/id' }] : []),
    ],
    responses: {
      '200': {
        description: 'numbers of a fresh pack; ETag per pack (If-None-Match → 304)',
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['pack_id', 'as_of', ...Object.keys(properties)],
              properties: { ...packNamed, ...properties },
            },
          },
        },
      },
      '304': { description: 'not modified (the ETag matched)' },
      '404': {
        description: 'unknown ?pack= or no such subject in the pack',
        content: { 'application/json': { schema: ref('Error') } },
      },
      '409': {
        description: '?pack= names a pack that is not served (not fresh)',
        content: { 'application/json': { schema: ref('Error') } },
      },
      '503': {
        description: 'the latest pack is not fresh (warming or blocked), or none exists',
        content: { 'application/json': { schema: ref('NotFresh') } },
      },
    },
  },
});

/**
 * The document's `paths`: the pack-scoped routes (portfolios, metrics, factors, rating: 503
 * while the latest pack is not fresh, `?pack=` for the newest fresh pack), then runs and
 * breaks, answered whatever the gate says.
 */
export function openApiPaths(): Record<string, unknown> {
  return {
    '/portfolios': packScoped(
      '/portfolios',
      { portfolios: { type: 'array', items: ref('Portfolio') } },
      'portfolios valued in the pack, by id',
    ),
    '/portfolios/{id}': packScoped(
      '/portfolios/{id}',
      { portfolio: ref('Portfolio') },
      'one portfolio and its valuation',
    ),
    '/portfolios/{id}/metrics': packScoped(
      '/portfolios/{id}/metrics',
      { portfolio_id: { type: 'string' }, metrics: { type: 'array', items: ref('Metric') } },
      "the portfolio's metric set (as `metrics PACK_ID --json`)",
    ),
    '/portfolios/{id}/factors': packScoped(
      '/portfolios/{id}/factors',
      { portfolio_id: { type: 'string' }, exposures: { type: 'array', items: ref('Exposure') } },
      "the portfolio's factor exposures (as `factors PACK_ID --json`)",
    ),
    '/portfolios/{id}/rating': packScoped(
      '/portfolios/{id}/rating',
      {
        portfolio_id: { type: 'string' },
        rating: {
          type: 'object',
          required: ['subject_id', 'score', 'grade', 'coverage', 'reason', 'components'],
          properties: {
            subject_id: { type: 'string' },
            score: nullable('number'),
            grade: nullable('string'),
            coverage: nullable('number'),
            reason: nullable('string'),
            components: { type: ['object', 'null'] },
          },
        },
      },
      "the portfolio's rating (as `ratings PACK_ID --json`)",
    ),
    '/runs': {
      get: {
        summary: 'the newest runs, newest first',
        parameters: [
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
        ],
        responses: {
          '200': {
            description: "runs; pack_id and as_of are the latest pack's",
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['pack_id', 'as_of', 'gate', 'runs'],
                  properties: {
                    pack_id: nullable('string'),
                    as_of: nullable('string'),
                    gate: freshness,
                    runs: { type: 'array', items: ref('Run') },
                  },
                },
              },
            },
          },
        },
      },
    },
    '/runs/{id}': {
      get: {
        summary: 'one run and its dead letters',
        parameters: [{ $ref: '#/components/parameters/id' }],
        responses: {
          '200': {
            description: "the run; pack_id and as_of are the run's",
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['pack_id', 'as_of', 'gate', 'run', 'dead_letters'],
                  properties: {
                    pack_id: nullable('string'),
                    as_of: { type: 'string' },
                    gate: freshness,
                    run: ref('Run'),
                    dead_letters: { type: 'array', items: { type: 'object' } },
                  },
                },
              },
            },
          },
          '404': {
            description: 'no such run',
            content: { 'application/json': { schema: ref('Error') } },
          },
        },
      },
    },
    '/breaks': {
      get: {
        summary:
          "reconciliation breaks of the latest pack (or ?pack=ID), whatever the gate's state",
        parameters: [{ name: 'pack', in: 'query', schema: { type: 'string' } }],
        responses: {
          '200': {
            description: 'breaks by portfolio',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['pack_id', 'as_of', 'gate', 'breaks'],
                  properties: {
                    pack_id: nullable('string'),
                    as_of: nullable('string'),
                    gate: freshness,
                    breaks: { type: 'array', items: ref('Break') },
                  },
                },
              },
            },
          },
          '404': {
            description: 'unknown pack',
            content: { 'application/json': { schema: ref('Error') } },
          },
        },
      },
    },
  };
}
