import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { minimumSecretLength } from '@truth-spine/orchestrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../cli/usageError.js';
import { loadRunnerConfig } from '../runtime/runnerConfig.js';
import { demoWorkspace, type DemoWorkspace } from './testing/demoServer.js';
import { webSettings } from './webSettings.js';

/** The web settings of a runner with environment `env` listening on `host`. */
const web = (env: Record<string, string>, host: string) =>
  webSettings(loadRunnerConfig({ env: { ...env, HTTP_HOST: host }, cwd: '/srv' }).checked);

/** The message `attempt` throws. */
function messageOf(attempt: () => unknown): string {
  try {
    attempt();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe('webSettings', () => {
  it('needs no token on loopback', () => {
    expect(web({}, '127.0.0.1')).toEqual({ accessToken: null });
    expect(web({ HTTP_ACCESS_TOKEN: '  ' }, '::1')).toEqual({ accessToken: null });
  });

  it('refuses a non-loopback address without a token, naming both settings', () => {
    expect(() => web({}, '0.0.0.0')).toThrow(UsageError);
    expect(() => web({}, '0.0.0.0')).toThrow(
      /^HTTP_HOST=0\.0\.0\.0 is reachable from other machines: set HTTP_ACCESS_TOKEN/,
    );
  });

  it('takes a long enough token (trimmed) on any address', () => {
    const token = 'abcdefghijklmnop';
    expect(token).toHaveLength(minimumSecretLength);
    expect(web({ HTTP_ACCESS_TOKEN: ` ${token} ` }, '0.0.0.0')).toEqual({
      accessToken: token,
    });
    expect(web({ HTTP_ACCESS_TOKEN: token }, '127.0.0.1')).toEqual({ accessToken: token });
  });

  it('refuses a short token without printing it', () => {
    const attempt = () => web({ HTTP_ACCESS_TOKEN: 'short-secret' }, '0.0.0.0');
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow('HTTP_ACCESS_TOKEN must be at least 16 characters (it has 12)');
    expect(messageOf(attempt)).not.toContain('short-secret');
  });
});

describe('HTTP_ACCESS_TOKEN in the TRUTH_SPINE_CONFIG file', () => {
  let dir: string;
  let ws: DemoWorkspace;
  const token = 'file-token-0123456789abcdef';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'web-settings-'));
    ws = await demoWorkspace();
  });
  afterAll(async () => {
    await ws?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  async function configFile(name: string, settings: Record<string, string | number>) {
    const path = join(dir, name);
    await writeFile(path, JSON.stringify(settings));
    return path;
  }

  it('is read like the environment variable', async () => {
    const file = await configFile('token.json', { HTTP_ACCESS_TOKEN: token });
    const config = loadRunnerConfig({ env: { TRUTH_SPINE_CONFIG: file }, cwd: '/srv' });
    expect(webSettings({ ...config.checked, HTTP_HOST: '0.0.0.0' })).toEqual({
      accessToken: token,
    });
  });

  it('refuses a short one naming the setting and the file, never the value', async () => {
    const file = await configFile('short.json', { HTTP_ACCESS_TOKEN: 'short-secret' });
    const message = messageOf(() =>
      loadRunnerConfig({ env: { TRUTH_SPINE_CONFIG: file }, cwd: '/srv' }),
    );
    expect(message).toBe(
      `HTTP_ACCESS_TOKEN must be at least 16 characters (it has 12) (HTTP_ACCESS_TOKEN in ${file})`,
    );
    expect(message).not.toContain('short-secret');
  });

  it('guards serve beyond loopback through the command line, the token never in its output', async () => {
    const file = await configFile('serve.json', {
      HTTP_HOST: '0.0.0.0',
      HTTP_ACCESS_TOKEN: token,
    });
    const server = await ws.serve({ TRUTH_SPINE_CONFIG: file, HTTP_HOST: '0.0.0.0' });
    try {
      const anonymous = await fetch(`${server.baseUrl}/api/v1/portfolios`);
      expect(anonymous.status).toBe(401);
      const page = await fetch(`${server.baseUrl}/`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(page.status).toBe(200);
      expect(await page.text()).not.toContain(token);
    } finally {
      const exit = await server.stop();
      expect(exit.stderr).not.toContain(token);
      expect(exit.stdout).not.toContain(token);
    }
    const short = await configFile('serve-short.json', {
      HTTP_HOST: '0.0.0.0',
      HTTP_ACCESS_TOKEN: 'short-secret',
    });
    const refused = await ws.run(['serve'], { TRUTH_SPINE_CONFIG: short, HTTP_PORT: '0' });
    expect(refused.code).toBe(64);
    expect(refused.stderr).toContain('HTTP_ACCESS_TOKEN must be at least 16 characters');
    expect(refused.stderr).toContain(`in ${short}`);
    expect(refused.stderr).not.toContain('short-secret');
  }, 120_000);
});
