import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { HoldTickerInbox } from '../actors/hold-ticker/inbox.js';
import type { ActorContext } from '../src/runtime/actor.js';
import { peer } from '../src/runtime/peer.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Compiled (never called): each `@ts-expect-error` below must be an error, or
 * the build itself fails. These are the sends the hold ticker's inbox refuses.
 */
export function wrongSendsDoNotCompile(ctx: ActorContext): void {
  const ticker = peer(HoldTickerInbox, 'hold-ticker');
  ctx.send(ticker, 'holds/disarm', { mission: 'm1' });
  // @ts-expect-error a kind the hold ticker does not accept
  ctx.send(ticker, 'holds/disarmed', { mission: 'm1' });
  // @ts-expect-error a body of the wrong shape
  ctx.send(ticker, 'holds/disarm', { mission: 1 });
  // @ts-expect-error a field missing
  ctx.send(ticker, 'holds/flush', { mission: 'm1' });
  // @ts-expect-error a bare id: every send names its peer by the inbox it accepts
  ctx.send('hold-ticker', 'holds/disarm', { mission: 'm1' });
}

describe('a send is checked against its receiver’s inbox when it compiles', () => {
  it('the compiler names the kind and the field of a wrong send', async () => {
    const dir = new URL('../.scratch/typed-sends/', import.meta.url);
    mkdirSync(dir, { recursive: true });
    const file = fileURLToPath(new URL('wrong-send.ts', dir));
    writeFileSync(
      file,
      [
        "import { HoldTickerInbox } from '../../actors/hold-ticker/inbox.js';",
        "import type { ActorContext } from '../../src/runtime/actor.js';",
        "import { peer } from '../../src/runtime/peer.js';",
        'export function send(ctx: ActorContext): void {',
        "  ctx.send(peer(HoldTickerInbox, 'hold-ticker'), 'holds/disarmed', { mission: 'm1' });",
        "  ctx.send(peer(HoldTickerInbox, 'hold-ticker'), 'holds/flush', { mission: 'm1', through: 'now' });",
        '}',
        '',
      ].join('\n'),
    );
    try {
      const tsc = fileURLToPath(new URL('node_modules/typescript/bin/tsc', `file://${root}`));
      const out = await run(process.execPath, [tsc, '--ignoreConfig', '--noEmit', '--strict', '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--target', 'ES2023', '--types', 'node', '--skipLibCheck', file], { cwd: root }).then(
        () => '',
        (err: { stdout: string }) => err.stdout,
      );
      expect(out).toMatch(/wrong-send\.ts\(5,\d+\): error TS2345: Argument of type '"holds\/disarmed"'/);
      expect(out).toMatch(/wrong-send\.ts\(6,\d+\): error TS2322: Type 'string' is not assignable to type 'number'/);
    } finally {
      rmSync(fileURLToPath(dir), { recursive: true, force: true });
    }
  }, 120_000);
});
