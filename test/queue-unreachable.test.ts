import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { nosh } from './helpers/cli.js';

/** A loopback port nothing listens on (taken, then let go). */
function deadPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a !== null ? a.port : 1));
    });
  });
}

describe('a Redis URL nothing answers at', () => {
  it.each([['soak', '--queue'], ['worker']])('nosh %s says so in one line naming the URL, exit 1', async (...cmd) => {
    const url = `redis://127.0.0.1:${await deadPort()}`;
    const r = await nosh([...cmd, url, ...(cmd[0] === 'soak' ? ['--campaigns', '2', '--missions', '1', '--json'] : [])], { timeoutMs: 20_000 });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([`error: cannot reach Redis at ${url}: connect ECONNREFUSED ${url.slice('redis://'.length)}`]);
    expect(r.stdout).toBe('');
  });

  it('a URL that is not a Redis URL is a usage error', async () => {
    const r = await nosh(['worker', 'http://127.0.0.1:6379']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('needs a Redis URL');
  });
});
