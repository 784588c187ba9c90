import { Agent, request } from 'node:http';

/** What one closed-loop load run measured. */
export interface LoadResult {
  readonly connections: number;
  readonly seconds: number;
  readonly requests: number;
  /** Answers with another status than `expectStatus`, and transport errors. */
  readonly failures: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/** The `q`-quantile (0..1) of `sorted` ascending, nearest rank (p99 of 100 values is the 99th). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

/**
 * A closed-loop HTTP load: `connections` keep-alive connections, each sending the next GET
 * (round-robin over `paths`) as soon as the previous answer's body has been read, for
 * `seconds`. Latency is measured per request from send to the end of the body.
 */
export async function runLoad(options: {
  readonly baseUrl: string;
  readonly paths: readonly string[];
  readonly connections: number;
  readonly seconds: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly expectStatus?: number;
}): Promise<LoadResult> {
  const url = new URL(options.baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  const endAt = started + options.seconds * 1000;
  const one = (path: string) =>
    new Promise<number>((resolve) => {
      const t0 = performance.now();
      const req = request(
        { host: url.hostname, port: url.port, path, agent, headers: options.headers },
        (res) => {
          res.on('data', () => undefined);
          res.on('end', () => {
            if (res.statusCode !== (options.expectStatus ?? 200)) failures++;
            resolve(performance.now() - t0);
          });
        },
      );
      req.on('error', () => {
        failures++;
        resolve(performance.now() - t0);
      });
      req.end();
    });
  const loop = async () => {
    while (performance.now() < endAt) {
      const path = options.paths[next++ % options.paths.length]!;
      latencies.push(await one(path));
    }
  };
  await Promise.all(Array.from({ length: options.connections }, loop));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    connections: options.connections,
    seconds: elapsed,
    requests: latencies.length,
    failures,
    requestsPerSecond: latencies.length / elapsed,
    p50Ms: quantile(latencies, 0.5),
    p99Ms: quantile(latencies, 0.99),
    maxMs: latencies.at(-1) ?? Number.NaN,
  };
}
