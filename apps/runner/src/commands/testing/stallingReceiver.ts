import {
  createServer,
  type IncomingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the receiver got it: raw body text and headers. */
export interface StalledRequest {
  readonly body: string;
  readonly headers: IncomingHttpHeaders;
}

/**
 * Test helper: a webhook receiver on 127.0.0.1 that reads each POST completely and then
 * either answers 200 at once or — while `stall(true)` — never answers (the request stays
 * in flight until the client goes away). `nextRequest()` resolves when the next request
 * has been read; `nextAnswer()` when the next 200 has been written to the socket.
 */
export class StallingReceiver {
  readonly requests: StalledRequest[] = [];
  #stalling = false;
  #url = '';
  #requestWaiters: (() => void)[] = [];
  #answerWaiters: (() => void)[] = [];
  readonly #server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () =>
      this.#handle(Buffer.concat(chunks).toString('utf8'), request.headers, response),
    );
  });

  static async start(): Promise<StallingReceiver> {
    const receiver = new StallingReceiver();
    await new Promise<void>((resolve) => receiver.#server.listen(0, '127.0.0.1', resolve));
    const { port } = receiver.#server.address() as AddressInfo;
    receiver.#url = `http://127.0.0.1:${port}/hooks/alerts`;
    return receiver;
  }

  get url(): string {
    return this.#url;
  }

  /** While true, requests are read but never answered. */
  stall(on: boolean): void {
    this.#stalling = on;
  }

  nextRequest(): Promise<void> {
    return new Promise((resolve) => this.#requestWaiters.push(resolve));
  }

  nextAnswer(): Promise<void> {
    return new Promise((resolve) => this.#answerWaiters.push(resolve));
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #handle(body: string, headers: IncomingHttpHeaders, response: ServerResponse): void {
    this.requests.push({ body, headers });
    for (const wake of this.#requestWaiters.splice(0)) wake();
    if (this.#stalling) return;
    response.writeHead(200).end(() => {
      for (const wake of this.#answerWaiters.splice(0)) wake();
    });
  }
}
