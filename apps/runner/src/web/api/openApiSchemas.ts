import { nullable } from './openApiJson.js';

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

/** The freshness gate's answer for the latest pack; routes name it beside their numbers. */
export const freshness = {
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

/**
 * The document's `components.schemas` (JSON Schema 2020-12): the error answers (`Error`,
 * `NotFresh`) and the records the routes return (`Metric`, `Exposure`, `Portfolio`, `Run`,
 * `Break`, `Freshness`).
 */
export function openApiSchemas(): Record<string, unknown> {
  return {
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
  };
}
