import { type } from 'arktype';

/** NewsAPI v2 `everything` / `top-headlines` (nullable fields as the API sends them). */
export const newsApiArticles = type({
  status: "'ok'",
  totalResults: 'number.integer >= 0',
  articles: type({
    source: { id: 'string | null', name: 'string' },
    author: 'string | null',
    title: 'string | null',
    description: 'string | null',
    url: 'string',
    publishedAt: 'string',
    content: 'string | null',
  }).array(),
});
