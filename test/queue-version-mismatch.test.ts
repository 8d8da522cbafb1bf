import { appendFileSync, cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NoshProcess, startNosh } from './helpers/nosh-process.js';
import { type RedisServer, startRedis } from '../bench/fixtures/redis-server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Another build: this one copied, with one compiled file changed (so its code version differs). */
function otherBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nosh-other-build-'));
  cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true, filter: (src) => !src.includes(`${join(ROOT, 'dist', 'test')}`) });
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(ROOT, 'actors'), join(dir, 'actors'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  appendFileSync(join(dir, 'dist', 'src', 'campaign', 'defaults.js'), '\n// another build\n');
  return dir;
}

describe('a nosh worker built from other code', () => {
  let redis: RedisServer;
  let other: string;
  let worker: NoshProcess;
  beforeAll(async () => {
    redis = await startRedis();
    other = otherBuild();
    worker = startNosh(['worker', redis.url, '--concurrency', '1'], join(other, 'dist', 'src', 'cli', 'main.js'));
    await worker.waitFor(/waiting for campaigns/);
  });
  afterAll(async () => {
    await worker.stop();
    await redis.stop();
    rmSync(other, { recursive: true, force: true });
  });

  it('takes none of the soak\'s campaigns and says so; the soak waits and says there is no worker of its version', async () => {
    const soak = startNosh(['soak', '--queue', redis.url, '--campaigns', '2', '--missions', '1', '--json']);
    try {
      await soak.waitFor(/queued as soak-\w+ on (nosh-soak\.[0-9a-f]{16})/);
      const queue = /queued as soak-\w+ on (nosh-soak\.[0-9a-f]{16})/.exec(soak.output())?.[1] ?? '';
      await worker.waitFor(new RegExp(`queue ${queue.replace('.', '\\.')} holds 2 campaigns of code version [0-9a-f]{16}; this worker is code version [0-9a-f]{16} and takes none of them`), 20_000);
      await soak.waitFor(/waiting: no worker on nosh-soak\.[0-9a-f]{16} at .*workers of another code version, which take none of these: 1 on nosh-soak\./, 20_000);
      expect(worker.output()).not.toContain('took seed');
    } finally {
      await soak.stop('SIGINT');
    }
  });
});
