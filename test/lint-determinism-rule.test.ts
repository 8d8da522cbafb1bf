import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ overrideConfigFile: '.ci/eslint.config.js' });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const wallClockActor = `
export function receive(): number {
  const a = Math.random();
  const b = Date.now();
  const c = performance.now();
  const d = new Date();
  setTimeout(() => a, 10);
  return a + b + c + d.getTime();
}
`;

describe('the determinism lint rule', () => {
  it.each(['actors/example/x/actor.ts', 'hardware-sim/flash.ts', 'src/lisp/eval.ts', 'src/objectives/x.ts', 'src/mission-control/x.ts', 'src/deck/x.ts'])(
    'rejects wall-clock and Math.random use in %s',
    async (filePath) => {
      const ids = await ruleIds(wallClockActor, filePath);
      expect(ids.filter((id) => id === 'no-restricted-properties')).toHaveLength(3);
      expect(ids).toContain('no-restricted-syntax');
      expect(ids).toContain('no-restricted-globals');
    },
  );

  it('allows the kernel itself to read real time (for trace timestamps)', async () => {
    const ids = await ruleIds('export const t = performance.now();\n', 'src/runtime/wall-probe.ts');
    expect(ids).toEqual([]);
  });

  it('passes actor code that uses ctx.rng and ctx.now', async () => {
    const ids = await ruleIds('export function f(ctx: { rng: { next(): number }; now(): number }): number {\n  return ctx.rng.next() + ctx.now();\n}\n', 'actors/example/y/actor.ts');
    expect(ids).toEqual([]);
  });
});
