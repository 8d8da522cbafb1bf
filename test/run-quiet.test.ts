import { describe, expect, it } from 'vitest';
import { lastJson, nosh } from './helpers/cli.js';

describe('nosh run --quiet', () => {
  it('prints the summary and nothing of the story, not even the script\'s log; with --json, the JSON line alone', async () => {
    const [loud, quiet, quietJson] = await Promise.all([
      nosh(['run', '--seed', '3', '--missions', '2', '--placement', 'inline']),
      nosh(['run', '--seed', '3', '--missions', '2', '--placement', 'inline', '--quiet']),
      nosh(['run', '--seed', '3', '--missions', '2', '--placement', 'inline', '--quiet', '--json']),
    ]);
    for (const r of [loud, quiet, quietJson]) expect(r.code, r.stderr).toBe(0);
    expect(loud.stdout).toMatch(/^#1 accepted /m);

    const lines = quiet.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^summary {2}2 missions · /);
    expect(quiet.stdout).not.toMatch(/^#\d+ |CIPHER>|^nosh run · |autopilot:/m);
    // Quiet is quiet: not even the operator script's log (its errors would still show, on stderr).
    expect(quiet.stderr).toBe('');
    // The summary is the same one the full run ends with.
    expect(loud.stdout.trimEnd().endsWith(lines.slice(2).join('\n'))).toBe(true);

    expect(quietJson.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(lastJson(quietJson.stdout)).toMatchObject({ missions: 2, ended: 'done' });
    expect(quietJson.stderr).toBe('');
  });

  it('--quiet with --verbose is a usage error', async () => {
    const r = await nosh(['run', '--missions', '1', '--quiet', '--verbose']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--quiet and --verbose ask for opposite things');
  });
});
