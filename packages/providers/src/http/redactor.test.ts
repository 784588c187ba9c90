import { describe, expect, it } from 'vitest';
import { Redactor } from './redactor.js';

describe('Redactor', () => {
  const redactor = new Redactor(['s3cr3t-KEY', 'k+y/2', undefined, '']);

  it('removes a known key wherever it appears', () => {
    expect(redactor.redact('failed: s3cr3t-KEY rejected (s3cr3t-KEY)')).toBe(
      'failed: *** rejected (***)',
    );
  });

  it('removes the URL-encoded form of a key', () => {
    expect(redactor.redact('GET /x?q=1&token=k%2By%2F2')).not.toContain('k%2By%2F2');
    expect(new Redactor(['k+y/2']).redact('path/k%2By%2F2/z')).toBe('path/***/z');
  });

  it('blanks key query parameters even for keys it was not told about', () => {
    expect(
      redactor.redact('https://h/v2?apiKey=zzz&q=a https://h/?api_key=yyy https://h/?apikey=xx#f'),
    ).toBe('https://h/v2?apiKey=***&q=a https://h/?api_key=*** https://h/?apikey=***#f');
  });

  it('leaves text without secrets alone', () => {
    expect(redactor.redact('HTTP 500 server error')).toBe('HTTP 500 server error');
  });
});
