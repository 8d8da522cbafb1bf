import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDeckImage } from '../src/campaign/deck-image.js';
import type { Uds } from '../src/deck/uds.js';
import { contractLabel } from '../src/mission-control/format.js';
import { lastJson, nosh } from './helpers/cli.js';

interface Summary {
  resumed: boolean;
  credits: number;
  reputation: number;
  succeeded: number;
  failed: number;
  abandoned: number;
  deckStart: string;
  ended: string;
}

function savedDeck(image: string): Uds {
  const { uds } = readDeckImage(image);
  if (uds === null) throw new Error(`${image} holds no deck state`);
  return uds;
}

/** The board the deck came up with, from the verbose log's first boot. */
function bootBoard(log: string): string[] {
  const line = /on the board: (.*)/.exec(log);
  if (!line) throw new Error(`no board at boot in:\n${log}`);
  return (line[1] as string).split(', ');
}

describe('two nosh run --flash runs in a row are one campaign', () => {
  it('the second run boots the saved deck after its time off: balance, reputation, history and board carry over; TTLs ran out meanwhile', async () => {
    const image = join(mkdtempSync(join(tmpdir(), 'nosh-campaign-')), 'deck.img');
    expect(existsSync(image)).toBe(false);
    const first = await nosh(['run', '--flash', image, '--missions', '3', '--seed', '9', '--placement', 'inline', '--json']);
    expect(first.code, first.stderr).toBe(0);
    expect(existsSync(image)).toBe(true);
    expect(lastJson<Summary>(first.stdout)).toMatchObject({ resumed: false, ended: 'done' });
    const saved = savedDeck(image);
    expect(saved.creditBalance).toBe(lastJson<Summary>(first.stdout).credits);

    // Off long enough for the contract closest to expiry to run out, not so long that the whole board does.
    const ttls = saved.board.flatMap((e) => (e.expiresAt === null ? [] : [e.expiresAt])).sort((a, b) => a - b);
    const offS = Math.ceil((Math.max(0, (ttls[0] as number) - saved.savedAt) + 60_000) / 1000);
    const resumeAt = saved.savedAt + offS * 1000;
    const expired = saved.board.filter((e) => e.expiresAt !== null && e.expiresAt <= resumeAt).map((e) => contractLabel(e.id));
    const kept = saved.board.filter((e) => e.expiresAt === null || e.expiresAt > resumeAt).map((e) => contractLabel(e.id));
    expect(expired.length).toBeGreaterThan(0);
    expect(kept.length).toBeGreaterThan(0);

    const second = await nosh(['run', '--flash', image, '--missions', '2', '--seed', '9', '--placement', 'inline', '--json', '--verbose', '--off', `${offS}s`]);
    expect(second.code, second.stderr).toBe(0);
    const summary = lastJson<Summary>(second.stdout);
    expect(summary).toMatchObject({ resumed: true, ended: 'done', deckStart: new Date(resumeAt).toISOString() });
    const log = second.stderr;
    expect(log).toContain(`deck booted from flash at ${new Date(resumeAt).toISOString().slice(0, 16).replace('T', ' ')}: ¤${saved.creditBalance} · rep ${saved.reputation}`);
    expect(log).toContain(`expired while off: ${expired.join(', ')}`);
    const board = bootBoard(log);
    expect(board.slice(0, kept.length)).toEqual(kept);
    for (const label of expired) expect(board).not.toContain(label);
    expect(board.length).toBeGreaterThanOrEqual(3);

    const after = savedDeck(image);
    const played = summary.succeeded + summary.failed + summary.abandoned;
    expect(after.runCount).toBe(saved.runCount + played);
    expect(after.provenance.slice(0, saved.provenance.length)).toEqual(saved.provenance);
    expect(after.cartridgeHistory & saved.cartridgeHistory).toBe(saved.cartridgeHistory);
    expect(after.creditBalance).toBe(summary.credits);
    expect(after.savedAt).toBeGreaterThan(resumeAt);
  }, 120_000);
});
