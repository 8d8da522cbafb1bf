import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lastJson, nosh } from './helpers/cli.js';

describe('a broken invariant is caught and replays from one line', () => {
  it('skimming one credit is reported with a replay command that reproduces it with the same hash and traces that mission', async () => {
    const soak = await nosh(['soak', '--campaigns', '3', '--missions', '8', '--workers', '2', '--seed', '40', '--faults', '--skim-credit', '4'], { timeoutMs: 120_000 });
    expect(soak.code).toBe(1);
    const hashes = lastJson<{ hashes: string[]; violations: number }>(soak.stdout);
    expect(hashes.violations).toBe(3);
    const lines = soak.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('VIOLATION credit-conservation · seed 41 · mission 4'));
    expect(at, soak.stdout).toBeGreaterThanOrEqual(0);
    const violation = lines[at] as string;
    const command = (lines[at + 1] as string).trim().replace(/^replay: /, '');
    expect(command).toBe(`nosh replay --seed 41 --missions 8 --faults --skim-credit 4 --mission 4 --trace replay-41-m4.json --expect-hash ${hashes.hashes[1]}`);

    const dir = mkdtempSync(join(tmpdir(), 'nosh-replay-'));
    const replay = await nosh(command.split(' ').slice(1), { cwd: dir, timeoutMs: 120_000 });
    expect(replay.code).toBe(1);
    const out = lastJson<{ traceHash: string; reproduced: boolean; details: Array<{ invariant: string; mission: number; tick: number; detail: string }> }>(replay.stdout);
    expect(out.traceHash).toBe(hashes.hashes[1]);
    expect(out.reproduced).toBe(true);
    expect(out.details).toHaveLength(1);
    const d = out.details[0] as { invariant: string; mission: number; tick: number; detail: string };
    expect(violation).toBe(`VIOLATION ${d.invariant} · seed 41 · mission ${d.mission} · tick ${d.tick}: ${d.detail}`);

    const trace = join(dir, 'replay-41-m4.json');
    expect(existsSync(trace)).toBe(true);
    const events = (JSON.parse(readFileSync(trace, 'utf8')) as { traceEvents: Array<{ name: string; ph: string; args?: { tick?: number } }> }).traceEvents;
    const ticks = events.flatMap((e) => (typeof e.args?.tick === 'number' ? [e.args.tick] : []));
    expect(ticks.length).toBeGreaterThan(10);
    // Only mission 4 — from its acceptance to mission 5's — and the violation inside it.
    expect(Math.min(...ticks)).toBeGreaterThan(0);
    expect(Math.min(...ticks)).toBeLessThanOrEqual(d.tick);
    expect(Math.max(...ticks)).toBeGreaterThanOrEqual(d.tick);
  }, 300_000);

  it('a replay that does not reproduce the soak\'s hash says so and exits 1', async () => {
    const r = await nosh(['replay', '--seed', '41', '--missions', '3', '--expect-hash', '0'.repeat(64)], { timeoutMs: 120_000 });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('HASH MISMATCH');
    expect(lastJson<{ reproduced: boolean }>(r.stdout).reproduced).toBe(false);
  }, 120_000);

  it('without the skim the same campaigns are clean', async () => {
    const r = await nosh(['soak', '--campaigns', '3', '--missions', '8', '--workers', '2', '--seed', '40', '--faults', '--json'], { timeoutMs: 120_000 });
    expect(r.code, r.stdout).toBe(0);
    expect(lastJson<{ violations: number }>(r.stdout).violations).toBe(0);
  }, 120_000);
});
