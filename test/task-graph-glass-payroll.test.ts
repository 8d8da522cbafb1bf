import { describe, expect, it } from 'vitest';
import { missionGraphSvg } from '../src/campaign/report/mission-graph.js';
import { glassPayroll, instance, seedDrawing } from './helpers/objectives.js';

/** An SVG element's attributes, by the element's class and data-* attributes, read from the text. */
function has(svg: string, pattern: RegExp): boolean {
  return pattern.test(svg);
}

describe('the task-graph SVG of GLASS PAYROLL (seed 003 §9)', () => {
  it('shows the branch (MIRROR / CORRUPT voiding ghost), the latent exec bonus and the escalation', async () => {
    const schema = glassPayroll();
    const mission = instance(schema, { seed: seedDrawing(schema, ['ghost', 'exec-bonus']) });
    const svg = await missionGraphSvg('GLASS PAYROLL', mission.snapshot().goals);
    expect(svg.startsWith('<svg')).toBe(true);
    // The branch at exfil: two branch edges, to mirror and to corrupt.
    expect(has(svg, /class='edge branch' data-from='exfil' data-to='mirror'/)).toBe(true);
    expect(has(svg, /class='edge branch' data-from='exfil' data-to='corrupt'/)).toBe(true);
    expect(svg).toContain('MIRROR (quiet): keeps ghost, lower ¤');
    // CORRUPT voids ghost.
    expect(has(svg, /class='edge voids' data-from='corrupt' data-to='ghost'/)).toBe(true);
    // exfil requires breach.
    expect(has(svg, /class='edge requires' data-from='breach' data-to='exfil'/)).toBe(true);
    // The exec bonus is latent (not briefed at accept), with its ¤ and intel.
    expect(has(svg, /id='exec-bonus' data-state='\w+' data-role='optional' data-reveal='latent'/)).toBe(true);
    expect(svg).toMatch(/exec-bonus[\s\S]*?optional · latent[\s\S]*?¤\d+ \+INTEL/);
    // The escalation (trace ≥ 75) drawn as what spawns escape, not fired yet.
    expect(has(svg, /data-escalation='\d+' data-fired='false'/)).toBe(true);
    expect(has(svg, /class='edge spawns' data-from='escalation-\d+' data-to='escape'/)).toBe(true);
    expect(svg).toContain('on (&gt;= trace 75)');
    // Escrow marked: ghost's and mirror's reputation is paid on resolve.
    expect(has(svg, /id='ghost'[^>]*data-escrow='true'/)).toBe(true);
    expect(svg).toContain('+4 REP [escrow]');
    // Goals are laid out in phase groups.
    expect(svg).toContain("data-group='phase-1'");
  });
});
