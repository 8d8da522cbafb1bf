import { describe, expect, it } from 'vitest';
import { lastJson, nosh } from './helpers/cli.js';

describe('nosh run (the built CLI in a child process)', () => {
  it('plays a campaign and prints a JSON summary as its last line, the same trace hash in threads and inline placement', async () => {
    const [threads, inline] = await Promise.all([
      nosh(['run', '--seed', '42', '--missions', '4', '--json']),
      nosh(['run', '--seed', '42', '--missions', '4', '--json', '--placement', 'inline']),
    ]);
    expect(threads.code).toBe(0);
    expect(inline.code).toBe(0);
    const a = lastJson(threads.stdout);
    const b = lastJson(inline.stdout);
    for (const key of ['seed', 'placement', 'missions', 'succeeded', 'failed', 'abandoned', 'credits', 'reputation', 'intel', 'hotSwaps', 'restarts', 'ticks', 'envelopes', 'traceHash']) {
      expect(a).toHaveProperty(key);
    }
    expect(a).toMatchObject({ seed: 42, placement: 'threads', missions: 4, ended: 'done' });
    expect(b).toMatchObject({ seed: 42, placement: 'inline', missions: 4, traceHash: a.traceHash, envelopes: a.envelopes, credits: a.credits });
  });

  it('runs with no flags and logs the campaign in readable form', async () => {
    const r = await nosh(['run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^nosh run · seed 1 · threads · lockstep · 12 missions · autopilot\.lisp/);
    expect(r.stdout).toContain('MISSION BOARD');
    expect(r.stdout).toMatch(/#1 accepted :[a-z-]+: .+ \(threat \d/);
    expect(r.stdout).toMatch(/CIPHER> /);
    expect(r.stdout).toMatch(/#12 (success|failure|abandoned): /);
    expect(r.stdout).toMatch(/summary {2}12 missions · \d+ succeeded/);
    expect(r.stdout).toMatch(/trace {4}[0-9a-f]{64}/);
  });

  it('explains itself with --help and rejects bad flags with a clear message', async () => {
    const help = await nosh(['run', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--missions <m>');
    expect(help.stdout).toContain('--script <file.lisp>');
    const bad = await nosh(['run', '--placement', 'cloud']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--placement must be one of threads, inline, got 'cloud'");
    const missing = await nosh(['run', '--script', '/no/such/script.lisp']);
    // A script that is not there is a usage error naming the flag (run-cli-refuses-bad-paths.test.ts has the rest).
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--script \/no\/such\/script\.lisp: no such file/);
    const unknown = await nosh(['fly']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'fly'");
  });
});
