import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { nosh } from './helpers/cli.js';

describe('nosh soak --dashboard on a port already taken', () => {
  it('is a usage error (exit 2) naming the port and what to do, before any campaign runs', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', () => resolve()));
    const port = (taken.address() as AddressInfo).port;
    try {
      const r = await nosh(['soak', '--campaigns', '1', '--missions', '1', '--workers', '1', '--dashboard', String(port), '--json']);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(`--dashboard ${port}: port ${port} on 127.0.0.1 is in use; give another, or 0 for any free port.`);
      // Nothing was soaked: no result line.
      expect(r.stdout).not.toMatch(/"hashes"/);
    } finally {
      await new Promise<void>((resolve) => taken.close(() => resolve()));
    }
  });
});
