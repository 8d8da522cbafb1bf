import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { framePng } from '../src/campaign/frame-recorder.js';
import { openLiveDeck } from '../src/campaign/live-deck.js';
import { evaluateSource } from '../src/lisp/evaluator.js';
import { print } from '../src/lisp/printer.js';
import { Keyword, LispMap, type Value } from '../src/lisp/values.js';

const SCREENS = fileURLToPath(new URL('../docs/screens/', import.meta.url));
const get = (m: Value, k: string): Value => (m instanceof LispMap ? (m.get(new Keyword(k)) ?? null) : null);

/**
 * The board driven with its four keys only, on a live deck that was left at the board:
 * each step's frame is kept (docs/screens/nav-*.png, rewritten with NOSH_WRITE_SCREENS=1).
 */
describe('the live deck navigated with cdr-board, car-board and eval-board (seed 004 §4.2)', () => {
  it('moves the cursor on the board frame, opens the briefing, accepts from it, and the mission runs', async () => {
    const deck = await openLiveDeck({ seed: 3, placement: 'inline', accept: false, out: () => {} });
    const frames: string[][] = [];
    deck.runtime.external$.subscribe((e) => {
      if (e.kind === 'display/frame') frames.push((e.body as { rows: string[] }).rows);
    });
    deck.runtime.send('display', 'display/watch', { to: '$nav-frames' });
    const steps: Array<{ name: string; form: string; value: Value; rows: string[] }> = [];
    const step = async (name: string, form: string): Promise<Value> => {
      const value = await evaluateSource(form, deck.env);
      await evaluateSource('(wait-ticks 30)', deck.env); // the display finishes drawing
      steps.push({ name, form, value, rows: frames[frames.length - 1] ?? [] });
      return value;
    };
    try {
      expect(await evaluateSource('current-mission', deck.env)).toBeNull();
      const first = await step('nav-1-board', '(cdr-board)');
      const second = await step('nav-2-cursor', '(cdr-board)');
      const briefing = await step('nav-3-briefing', '(car-board)');
      const asValue = await evaluateSource(`(brief ${String(get(second, 'index'))})`, deck.env);
      const params = await step('nav-4-accepted', '(eval-board)');
      // The first phase's cart (a Hot Swap if it is not the one in the slot).
      const call = await step('nav-5-mission', '(load-capability (first (nth 2 (first (mission-params :phase-plan)))))');

      const selected = (rows: string[]): string => rows.find((r) => r.startsWith('▸')) ?? '';
      // The cursor is on the contract each CDR answered, and it moved.
      expect(selected(steps[0]!.rows)).toContain(String(get(first, 'id')));
      expect(selected(steps[1]!.rows)).toContain(String(get(second, 'id')));
      expect(get(second, 'index')).toBe((get(first, 'index') as number) + 1);
      // CAR drew the briefing of the contract under the cursor, and answered it as a value.
      expect(steps[2]!.rows[0]).toMatch(new RegExp(`^BRIEFING ${String(get(second, 'id'))}`));
      expect(get(briefing, 'id')).toBe(get(second, 'id'));
      expect(print(get(briefing, 'objectives'))).toMatch(/^\("○ /);
      expect(print(asValue)).toBe(print(briefing));
      // EVAL from the briefing accepted that contract: the mission is bound and runs.
      expect(get(params, 'contract')).toBe(get(second, 'id'));
      expect(print(await evaluateSource('(mission-params :status)', deck.env))).toBe(':running');
      expect(get(call, 'error'), print(call)).toBeNull();
      expect(steps[4]!.rows.join('\n')).not.toBe(steps[2]!.rows.join('\n'));

      const dir = process.env.NOSH_WRITE_SCREENS === '1' ? SCREENS : mkdtempSync(join(tmpdir(), 'nosh-nav-'));
      mkdirSync(dir, { recursive: true });
      for (const s of steps) {
        expect(s.rows, `${s.name}: a frame was drawn`).toHaveLength(75);
        writeFileSync(join(dir, `${s.name}.png`), framePng(s.rows));
        // The committed frames are there, and are PNGs.
        expect(readFileSync(join(SCREENS, `${s.name}.png`)).subarray(1, 4).toString()).toBe('PNG');
      }
    } finally {
      await deck.close();
    }
  });
});
