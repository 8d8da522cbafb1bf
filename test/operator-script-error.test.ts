import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DeckEvent } from '../actors/mission-control/messages.js';
import { runCampaign } from '../src/campaign/campaign.js';
import { AUTOPILOT } from '../src/campaign/cart-files.js';

// The autopilot, with an operate that breaks on the second mission, after accepting a contract.
const broken = `${readFileSync(AUTOPILOT, 'utf8')}
(define played 0)
(define autopilot-operate operate)
(defun operate ()
  (set! played (+ played 1))
  (if (= played 2)
      (do (accept 0)
          (car 42))
      (autopilot-operate)))
`;
const brokenLine = broken.split('\n').findIndex((l) => l.includes('(car 42)')) + 1;
const brokenCol = (broken.split('\n')[brokenLine - 1] as string).indexOf('(car 42)') + 1;

describe('an operator script with an error', () => {
  it('is reported with its line:col, the mission is abandoned, and the campaign continues', async () => {
    const errors: Array<{ mission: number; error: string }> = [];
    const settled: Array<Extract<DeckEvent, { type: 'settled' }>> = [];
    const summary = await runCampaign({
      seed: 4,
      missions: 4,
      placement: 'threads',
      script: { name: 'broken.lisp', text: broken },
      onEnvelope: (e) => {
        if (e.kind === 'runner/error') errors.push(e.body as { mission: number; error: string });
        if (e.kind === 'deck/event' && (e.body as DeckEvent).type === 'settled') settled.push(e.body as Extract<DeckEvent, { type: 'settled' }>);
      },
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.mission).toBe(2);
    expect(errors[0]?.error).toContain(`broken.lisp:${brokenLine}:${brokenCol}:`);
    expect(errors[0]?.error).toMatch(/car/);
    expect(settled[1]?.outcome).toBe('abandoned');
    expect(summary).toMatchObject({ missions: 4, ended: 'done', scriptErrors: 1 });
    expect(settled.slice(2).length).toBe(2);
  });

  it('a script that does not even load says so and stops the campaign cleanly, with the reason', async () => {
    const errors: string[] = [];
    const summary = await runCampaign({
      seed: 4,
      missions: 3,
      placement: 'inline',
      script: { name: 'typo.lisp', text: '(defun operate ()\n  (accept 0)' },
      onEnvelope: (e) => {
        if (e.kind === 'runner/error') errors.push((e.body as { error: string }).error);
      },
    });
    expect(errors[0]).toMatch(/^typo\.lisp:\d+:\d+: /);
    expect(summary).toMatchObject({ missions: 0, ended: 'stopped: the operator script did not load' });
  });
});
