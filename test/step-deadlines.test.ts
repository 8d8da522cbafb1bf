import { describe, expect, it } from 'vitest';
import type { StepResult } from '../src/runtime/protocol.js';
import { StepDeadlines } from '../src/runtime/step-deadlines.js';

const result = { actor: 'a', tick: 1, consumed: 0, records: [], spawns: [], stops: [], crashed: null, nextSeq: 0, elided: null } satisfies StepResult;

describe('step deadlines', () => {
  it('a step that never settles fails with its actor named; one that settles in time keeps its result', async () => {
    const deadlines = new StepDeadlines(60, 10);
    const hung = deadlines.watch(new Promise<StepResult>(() => {}), 'mission-runner');
    const quick = deadlines.watch(new Promise<StepResult>((resolve) => setTimeout(() => resolve(result), 5)), 'cart');
    await expect(quick).resolves.toBe(result);
    await expect(hung).rejects.toThrow('mission-runner: step did not finish within 60 ms');
    expect(deadlines.size).toBe(0);
  });

  it('a step that fails on its own keeps its own error', async () => {
    const deadlines = new StepDeadlines(1_000, 10);
    await expect(deadlines.watch(Promise.reject(new Error('boom')), 'cart')).rejects.toThrow('boom');
    expect(deadlines.size).toBe(0);
  });
});
