import { type } from 'arktype';

/**
 * `/fred/series/observations?file_type=json`: values are strings, `"."` marks a missing
 * observation; `count`, `offset`, `limit` describe the page.
 */
export const fredObservations = type({
  count: 'number.integer >= 0',
  offset: 'number.integer >= 0',
  observations: type({
    date: /^\d{4}-\d{2}-\d{2}$/,
    value: /^(\.|-?\d+(\.\d+)?)$/,
  }).array(),
});
