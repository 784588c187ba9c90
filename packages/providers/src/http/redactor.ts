/** Query parameters that carry a key in at least one provider's API. */
const keyParameterPattern = /([?&](?:apikey|api_key|apiKey|token|access_token)=)[^&#\s"']*/gi;

/** What replaces a secret. */
export const redactedMarker = '***';

/**
 * Removes secrets from any text before it can reach a log line, an error message or a
 * report: every occurrence of each known secret, plus the value of any key-carrying
 * query parameter (`apikey`, `api_key`, `apiKey`, …) even for a key we were not told.
 * Example: `redact('…?apikey=abc&x=1')` → `'…?apikey=***&x=1'`.
 */
export class Redactor {
  private readonly secrets: readonly string[];

  constructor(secrets: readonly (string | undefined)[]) {
    this.secrets = secrets
      .filter((s): s is string => s !== undefined && s.length > 0)
      .sort((a, b) => b.length - a.length);
  }

  /** `text` with every secret replaced by {@link redactedMarker}. */
  redact(text: string): string {
    let out = text.replace(keyParameterPattern, `$1${redactedMarker}`);
    for (const secret of this.secrets) out = out.split(secret).join(redactedMarker);
    for (const secret of this.secrets) {
      const encoded = encodeURIComponent(secret);
      if (encoded !== secret) out = out.split(encoded).join(redactedMarker);
    }
    return out;
  }
}
