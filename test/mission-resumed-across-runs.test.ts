import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDeckImage } from '../src/campaign/deck-image.js';
import { contractLabel } from '../src/mission-control/format.js';
import { decodePhaseChain } from '../src/objectives/phase-chain.js';
import { lastJson, nosh } from './helpers/cli.js';

describe('a run that stops in the middle of a mission', () => {
  it('leaves the mission on flash, and the next run restores it from its phase chain and plays it to the end', async () => {
    const image = join(mkdtempSync(join(tmpdir(), 'nosh-midrun-')), 'deck.img');
    // Seed 5 accepts its first contract within a second of deck time; 60 ticks stops inside that run.
    const cut = await nosh(['run', '--flash', image, '--missions', '2', '--seed', '5', '--placement', 'inline', '--ticks', '60', '--json']);
    expect(cut.code, cut.stderr).toBe(0);
    const saved = readDeckImage(image).uds;
    expect(saved?.active).not.toBeNull();
    const entry = saved?.active?.entry;
    expect(decodePhaseChain(saved?.phaseChain as Uint8Array).resolution).toBe('running');

    const resumed = await nosh(['run', '--flash', image, '--missions', '2', '--seed', '5', '--placement', 'inline', '--json', '--verbose', '--off', '10m']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`#1 restored mid-run :${entry?.schema} (${contractLabel(entry?.id as number)})`);
    expect(resumed.stderr).toContain(`autopilot: picking up ${contractLabel(entry?.id as number)} at phase 1`);
    expect(resumed.stderr).not.toContain('could not accept');
    const after = readDeckImage(image).uds;
    expect(after?.provenance.some((p) => p.contractId === entry?.id)).toBe(true);
    expect(lastJson(resumed.stdout)).toMatchObject({ resumed: true, ended: 'done', scriptErrors: 0 });
  }, 60_000);
});
