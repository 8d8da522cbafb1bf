import { describe, expect, it } from 'vitest';
import { STARTUP_TARGET, startupSuite } from '../bench/startup.js';
import { nosh } from './helpers/cli.js';

describe('bench startup', () => {
  it('reports nosh --version and --help against a bare node spawned in the same run, warm and cold', async () => {
    const f = await startupSuite(1200, 2);
    expect(Object.keys(f).sort()).toEqual(['bareMs', 'coldBareMs', 'coldStartupRatio', 'coldVersionMs', 'helpMs', 'helpRatio', 'startupRatio', 'target', 'versionMs']);
    for (const ms of [f.bareMs, f.versionMs, f.helpMs, f.coldBareMs, f.coldVersionMs]) expect(ms).toBeGreaterThan(0);
    expect(f.target).toBe(STARTUP_TARGET);
    // nosh is node plus its own modules: never faster than a bare node by much, whatever the noise.
    expect(f.startupRatio).toBeGreaterThan(0.8);
  });

  it('is listed among the suites nosh bench --help names', async () => {
    const r = await nosh(['bench', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/Suites: kernel, lisp, objectives, board, tick, hotswap, flash, display, soak, queue, startup, mission-control, profile\./);
  });
});
