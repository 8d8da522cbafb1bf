import { describe, expect, it } from 'vitest';
import { SCRIPT, lispSuite } from '../bench/lisp.js';
import { readAll } from '../src/lisp/reader.js';

describe('bench lisp', () => {
  it('reports exactly the four figures, all measured', async () => {
    const figures = await lispSuite(400);
    expect(Object.keys(figures).sort()).toEqual(['evalScriptColdUs', 'evalScriptUs', 'jsClosureColdNsPerCall', 'jsClosureNsPerCall', 'predicateColdNsPerCall', 'predicateNsPerCall', 'predicateRatio']);
    for (const v of Object.values(figures)) expect(v).toBeGreaterThan(0);
    // The ratio is of the same run's figures (a median of per-round ratios, so only roughly their quotient).
    expect(figures.predicateRatio).toBeGreaterThan((figures.predicateNsPerCall as number) / (figures.jsClosureNsPerCall as number) / 3);
  });

  it('evaluates a script of twenty forms', () => {
    expect(readAll(SCRIPT)).toHaveLength(20);
  });
});
