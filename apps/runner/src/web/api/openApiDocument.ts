/**
 * The read API's OpenAPI 3.1 description, served at `/api/v1/openapi.json`. Schemas are
 * JSON Schema 2020-12; `openApi.test.ts` validates real responses of a demo night against
 * them, so this document cannot drift from what the server answers.
 */
const nullable = (type: string) => ({ type: [type, 'null'] });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const packNamed = {
  pack_id: { type: 'string' },
  as_of: { type: 'string', format: 'date' },
};
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

const metric = {
  type: 'object',
  required: [
    'portfolio_id',
    'metric',
    'value',
    'reason',
    'first_date',
    'last_date',
    'n_obs',
    'details',
  ],
  properties: {
    portfolio_id: { type: 'string' },
    metric: { type: 'string' },
    value: { ...nullable('number'), description: 'float64; null exactly when reason says why' },
    reason: nullable('string'),
    first_date: nullable('string'),
    last_date: nullable('string'),
    n_obs: nullable('integer'),
    details: {},
  },
  additionalProperties: false,
};

const exposure = {
  type: 'object',
  required: [
    'portfolio_id',
    'window',
    'factor',
    'loading',
    'standard_error',
    't_value',
    'contribution',
    'reason',
    'details',
  ],
  properties: {
    portfolio_id: { type: 'string' },
    window: { type: 'string' },
    factor: {
      type: 'string',
      description: 'a factor, or _intercept, _residual, _model (R² in details)',
    },
    loading: nullable('number'),
    standard_error: nullable('number'),
    t_value: nullable('number'),
    contribution: nullable('number'),
    reason: nullable('string'),
    details: {},
  },
  additionalProperties: false,
};

const valuation = {
  type: 'object',
  required: [
    'portfolio_id',
    'as_of',
    'base_currency',
    'market_value',
    'securities_value',
    'cash_value',
    'positions',
  ],
  properties: {
    portfolio_id: { type: 'string' },
    as_of: { type: 'string' },
    base_currency: { type: 'string' },
    market_value: { type: 'string', description: 'exact decimal' },
    securities_value: { type: 'string', description: 'exact decimal' },
    cash_value: { type: 'string', description: 'exact decimal' },
    positions: { type: 'integer' },
  },
  additionalProperties: false,
};

const portfolio = {
  type: 'object',
  required: ['id', 'name', 'base_currency', 'benchmark', 'inception', 'archived', 'valuation'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    base_currency: { type: 'string' },
    benchmark: { type: 'string' },
    inception: { type: 'string' },
    archived: { type: 'boolean' },
    valuation,
  },
  additionalProperties: false,
};

const freshness = {
  type: ['object', 'null'],
  description: "the gate's answer for the latest pack (null: no pack yet)",
  required: ['pack_id', 'as_of', 'status', 'hash', 'fresh_at'],
  properties: {
    pack_id: { type: 'string' },
    as_of: { type: 'string' },
    status: { type: 'string', description: 'warming | fresh | superseded | blocked' },
    hash: { type: 'string' },
    fresh_at: nullable('string'),
    blocked: {
      type: ['object', 'null'],
      description: 'the run, step and reason holding the pack back (status blocked), else null',
      required: ['run_id', 'step', 'reason'],
      properties: {
        run_id: { type: 'string' },
        step: { type: 'string' },
        reason: { type: 'string' },
      },
    },
  },
};

const step = {
  type: 'object',
  required: ['name', 'status', 'seconds', 'attempts', 'error', 'details'],
  properties: {
    name: { type: 'string' },
    status: { type: 'string' },
    seconds: nullable('number'),
    attempts: { type: 'integer' },
    error: nullable('string'),
    details: {},
  },
};

const run = {
  type: 'object',
  required: [
    'run_id',
    'as_of',
    'status',
    'trigger',
    'started_at',
    'finished_at',
    'blocked_at',
    'deadlines',
    'pack',
    'steps',
  ],
  properties: {
    run_id: { type: 'string' },
    as_of: { type: 'string' },
    status: { type: 'string' },
    trigger: { type: 'string' },
    started_at: { type: 'string' },
    finished_at: nullable('string'),
    blocked_at: nullable('string'),
    deadlines: {
      type: 'object',
      required: ['pack_deadline_missed', 'run_deadline_missed'],
      properties: {
        pack_deadline_missed: { type: 'boolean' },
        run_deadline_missed: { type: 'boolean' },
      },
    },
    pack: {
      type: ['object', 'null'],
      required: ['id', 'version', 'hash', 'status'],
      properties: {
        id: { type: 'string' },
        version: { type: 'integer' },
        hash: { type: 'string' },
        status: { type: 'string' },
      },
    },
    steps: { type: 'array', items: step },
  },
};

const breakRow = {
  type: 'object',
  required: [
    'id',
    'pack_id',
    'portfolio_id',
    'base_currency',
    'kind',
    'subject',
    'platform',
    'ledger',
    'size_base',
    'size_bp',
    'reason',
    'more',
  ],
  properties: {
    id: { type: 'integer' },
    pack_id: { type: 'string' },
    portfolio_id: { type: 'string' },
    base_currency: nullable('string'),
    kind: { type: 'string' },
    subject: nullable('string'),
    platform: { ...nullable('string'), description: 'exact decimal' },
    ledger: { ...nullable('string'), description: 'exact decimal' },
    size_base: { ...nullable('string'), description: 'exact decimal, base currency' },
    size_bp: nullable('number'),
    reason: { type: 'string' },
    more: { type: 'object', description: 'other recorded fields (where to look in the ledger)' },
  },
};

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
      schemas: {
        Error: {
          type: 'object',
          required: ['error', 'message', 'pack_id', 'as_of'],
          properties: {
            error: { type: 'string' },
            message: { type: 'string' },
            pack_id: nullable('string'),
            as_of: nullable('string'),
            gate: freshness,
          },
        },
        NotFresh: {
          type: 'object',
          required: [
            'error',
            'message',
            'pack_id',
            'as_of',
            'gate',
            'latest_fresh_pack_id',
            'latest_fresh_as_of',
          ],
          properties: {
            error: { const: 'pack_not_fresh' },
            message: { type: 'string' },
            pack_id: nullable('string'),
            as_of: nullable('string'),
            gate: freshness,
            latest_fresh_pack_id: nullable('string'),
            latest_fresh_as_of: nullable('string'),
          },
        },
        Metric: metric,
        Exposure: exposure,
        Portfolio: portfolio,
        Run: run,
        Break: breakRow,
        Freshness: freshness,
      },
    },
    security: [{}, { token: [] }],
    paths: {
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
    },
  };
}
