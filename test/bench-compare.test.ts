import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lastJson, nosh } from './helpers/cli.js';

/** Two saved `nosh bench --json` outputs: a figure that rose, one that held, one new, one gone, a suite gone. */
function files(): { dir: string; old: string; now: string } {
  const dir = mkdtempSync(join(tmpdir(), 'nosh-bench-compare-'));
  const old = join(dir, 'old.json');
  const now = join(dir, 'new.json');
  writeFileSync(old, `${JSON.stringify({ soak: { scaling: 1.2, workers: 2, heapGrowth: 1.1 }, flash: { udsCommitUs: 200 } })}\n`);
  // A whole saved stdout works too: the JSON is its last line.
  writeFileSync(now, `running soak…\n${JSON.stringify({ soak: { scaling: 1.5, workers: 2, machineScaling: 1.8 } })}\n`);
  return { dir, old, now };
}

describe('nosh bench --compare', () => {
  it('shows each figure of two saved runs, old, new and the change, as JSON', async () => {
    const { old, now } = files();
    const r = await nosh(['bench', '--compare', old, '--against', now, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(lastJson(r.stdout)).toEqual({
      soak: {
        scaling: { old: 1.2, new: 1.5, ratio: 1.25 },
        workers: { old: 2, new: 2, ratio: 1 },
        machineScaling: { old: null, new: 1.8, ratio: null },
        heapGrowth: { old: 1.1, new: null, ratio: null },
      },
      flash: { udsCommitUs: { old: 200, new: null, ratio: null } },
    });
  });

  it('as a table: the ratio and the percentage, and which figures are new or gone', async () => {
    const { old, now } = files();
    const r = await nosh(['bench', 'soak', '--compare', old, '--against', now]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/'scaling'\s*│\s*1\.2\s*│\s*1\.5\s*│\s*'1\.250× \(\+25\.0%\)'/);
    expect(r.stdout).toMatch(/'machineScaling'.*'new'/);
    expect(r.stdout).toMatch(/'heapGrowth'.*'gone'/);
    // Only the suite named: flash is not compared.
    expect(r.stdout).not.toContain('udsCommitUs');
  });

  it('a missing or malformed file is a usage error naming the file (exit status 2)', async () => {
    const { dir, old } = files();
    const missing = join(dir, 'nope.json');
    const gone = await nosh(['bench', '--compare', missing, '--against', old]);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toContain(`--compare: cannot read ${missing}: no such file`);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"soak": {"scaling": "fast"}}\n');
    const wrong = await nosh(['bench', '--compare', old, '--against', bad]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(`--against: ${bad} is not a nosh bench --json output: soak.scaling is not a number`);
    const text = join(dir, 'text.json');
    writeFileSync(text, 'not json at all\n');
    const notJson = await nosh(['bench', '--compare', text, '--against', old]);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain(`--compare: ${text} is not JSON`);
  });

  it('--help shows examples, and --against alone is refused', async () => {
    const help = await nosh(['bench', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('nosh bench soak flash --compare before.json');
    const alone = await nosh(['bench', '--against', 'x.json']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--against needs --compare');
  });
});
