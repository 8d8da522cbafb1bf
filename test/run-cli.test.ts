import { describe, expect, it } from 'vitest';
import { lastJson, nosh } from './helpers/cli.js';

describe('nosh run (the built CLI in a child process)', () => {
  it('prints a JSON summary as its last line, with the same trace hash in threads and inline placement', async () => {
    const [threads, inline] = await Promise.all([
      nosh(['run', '--seed', '42', '--ticks', '300', '--json']),
      nosh(['run', '--seed', '42', '--ticks', '300', '--json', '--placement', 'inline']),
    ]);
    expect(threads.code).toBe(0);
    expect(inline.code).toBe(0);
    const a = lastJson(threads.stdout);
    const b = lastJson(inline.stdout);
    for (const key of ['seed', 'placement', 'ticks', 'envelopes', 'traceHash']) expect(a).toHaveProperty(key);
    expect(a).toMatchObject({ seed: 42, placement: 'threads', ticks: 300 });
    expect(b).toMatchObject({ seed: 42, placement: 'inline', ticks: 300, traceHash: a.traceHash, envelopes: a.envelopes });
  });

  it('runs with no flags and logs what happened in readable form', async () => {
    const r = await nosh(['run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^nosh run · seed 1 · threads · lockstep · 600 ticks/);
    expect(r.stdout).toMatch(/\[t=\s*\d+\] spawn\s+ping/);
    expect(r.stdout).toMatch(/trace\s+[0-9a-f]{64}/);
  });

  it('explains itself with --help and rejects bad flags with a clear message', async () => {
    const help = await nosh(['run', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--placement <where>');
    const bad = await nosh(['run', '--placement', 'cloud']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("--placement must be one of threads, inline, got 'cloud'");
    const unknown = await nosh(['fly']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("unknown command 'fly'");
  });
});
