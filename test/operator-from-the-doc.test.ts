import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCampaign } from '../src/campaign/campaign.js';

/** The operator the walk-through in docs/operator-scripts.md writes, taken from the page as it stands. */
function operatorFromTheDoc(): string {
  const doc = readFileSync(new URL('../docs/operator-scripts.md', import.meta.url), 'utf8');
  const m = /<!-- operator: my-operator\.lisp -->\n```lisp\n([\s\S]*?)\n```/.exec(doc);
  if (m === null) throw new Error('docs/operator-scripts.md: no ```lisp block after <!-- operator: my-operator.lisp -->');
  return m[1] as string;
}

describe('the operator written in docs/operator-scripts.md', () => {
  it('plays 5 missions with no script error, wins some, and uses the verbs the page teaches', async () => {
    const logs: string[] = [];
    const summary = await runCampaign({
      seed: 4,
      missions: 5,
      placement: 'inline',
      script: { name: 'my-operator.lisp', text: operatorFromTheDoc() },
      onEnvelope: (e) => {
        if (e.kind === 'runner/log') logs.push((e.body as { text: string }).text);
      },
    });
    expect(summary.ended).toBe('done');
    expect(summary.missions).toBe(5);
    expect(summary.scriptErrors).toBe(0);
    expect(summary.succeeded).toBeGreaterThan(0);
    expect(logs.filter((l) => l.startsWith('settled:'))).toHaveLength(5);
    // wait-ticks and var answered under the Runner actor, not only in the REPL.
    expect(logs.some((l) => /^trace \d+ timer \d+$/.test(l))).toBe(true);
  });
});
