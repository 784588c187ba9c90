import { describe, expect, it } from 'vitest';
import { errorMessageOf } from './errorBody.js';

describe('errorMessageOf', () => {
  it('finds each provider’s message field', () => {
    expect(errorMessageOf({ 'Error Message': 'Invalid API KEY.' })).toBe('Invalid API KEY.');
    expect(errorMessageOf({ error_code: 400, error_message: 'Bad Request.  Bad id.' })).toBe(
      'Bad Request. Bad id.',
    );
    expect(errorMessageOf({ status: 'error', code: 'apiKeyInvalid', message: 'Bad key' })).toBe(
      'Bad key',
    );
    expect(errorMessageOf({ status: 'ERROR', error: 'Unknown API Key' })).toBe('Unknown API Key');
  });

  it('reads plain text as one line and cuts long bodies', () => {
    expect(errorMessageOf('Restricted Endpoint:\nnot available\n')).toBe(
      'Restricted Endpoint: not available',
    );
    expect(errorMessageOf('x'.repeat(400))).toHaveLength(301);
    expect(errorMessageOf(null)).toBe('');
  });
});
