/**
 * Shortest secret the configuration accepts, in characters: 16. It applies to every
 * secret setting with a length rule — `ALERT_WEBHOOK_SECRET` (the webhook's HMAC key) and
 * `HTTP_ACCESS_TOKEN` (the pages' and read API's token); e.g. `openssl rand -hex 16` gives
 * 32 characters.
 */
export const minimumSecretLength = 16;
