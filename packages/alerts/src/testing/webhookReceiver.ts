import {
  createServer,
  type IncomingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the receiver saw it: the raw body bytes as text and the headers. */
export interface ReceivedRequest {
  readonly body: string;
  readonly headers: IncomingHttpHeaders;
  readonly status: number;
}

/**
 * Test helper: a webhook receiver on 127.0.0.1 at a random port, the way a careful consumer
 * would write one — it answers with the next scripted status (default 200), and treats
 * requests carrying an `Idempotency-Key` it already accepted as duplicates (answers 200,
 * does not count them as new). `effective` lists the keys accepted, first time only.
 */
export class WebhookReceiver {
  readonly requests: ReceivedRequest[] = [];
  readonly effective: string[] = [];
  #script: number[] = [];
  #delayMs = 0;

  readonly #server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () =>
      this.#handle(Buffer.concat(chunks).toString('utf8'), request.headers, response),
    );
  });
  #url = '';

  /** `http://127.0.0.1:<port>/hooks/alerts`. */
  get url(): string {
    return this.#url;
  }

  static async start(): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    await new Promise<void>((resolve) => receiver.#server.listen(0, '127.0.0.1', resolve));
    const { port } = receiver.#server.address() as AddressInfo;
    receiver.#url = `http://127.0.0.1:${port}/hooks/alerts`;
    return receiver;
  }

  /** The statuses of the next requests, in order; afterwards 200 again. */
  script(...statuses: number[]): void {
    this.#script = statuses;
  }

  /** Wait this long before answering every request (to provoke client timeouts). */
  delay(ms: number): void {
    this.#delayMs = ms;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #handle(body: string, headers: IncomingHttpHeaders, response: ServerResponse): void {
    const status = this.#script.shift() ?? 200;
    this.requests.push({ body, headers, status });
    const key = headers['idempotency-key'];
    if (status >= 200 && status < 300 && typeof key === 'string' && !this.effective.includes(key)) {
      this.effective.push(key);
    }
    setTimeout(() => {
      if (!response.destroyed) response.writeHead(status).end();
    }, this.#delayMs);
  }
}
