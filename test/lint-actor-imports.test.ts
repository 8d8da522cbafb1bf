import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ overrideConfigFile: '.ci/eslint.config.js' });

/** How many times the actor import rule of docs/architecture.md fires on `spec` imported from `filePath`. */
async function boundaryErrors(spec: string, filePath: string): Promise<number> {
  const [result] = await eslint.lintText(`import { x } from '${spec}';\nexport const y = x;\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'nosh/actor-boundaries').length;
}

describe("the lint rule that keeps actors out of each other's internals", () => {
  it.each([
    ['actors/mission-control/hold-ops.ts', '../hold-ticker/actor.js'],
    ['actors/mission-control/sub/deep.ts', '../../cipher/lines.js'],
    ['actors/cipher/actor.ts', '../../hardware-sim/display/draw.js'],
    ['actors/mission-runner/session.ts', '../cartridge/games/game.js'],
    ['hardware-sim/flash/actor.ts', '../display/draw.js'],
  ])('rejects %s importing %s', async (filePath, spec) => {
    expect(await boundaryErrors(spec, filePath)).toBe(1);
  });

  it.each([
    ['actors/mission-control/hold-ops.ts', '../hold-ticker/inbox.js'],
    ['actors/mission-control/capability-ops.ts', '../cartridge/messages.js'],
    ['actors/mission-control/actor.ts', './state.js'],
    ['actors/mission-control/actor.ts', '../../src/runtime/peer.js'],
    ['actors/cipher/actor.ts', '../../hardware-sim/display/inbox.js'],
    ['actors/cartridge/games/ice-breaker/game.ts', '../game.js'],
    ['actors/cartridge/actor.ts', './games/games.js'],
    ['hardware-sim/flash/actor.ts', '../clock/deck-clock.js'],
    ['hardware-sim/flash/actor.ts', '../clock/inbox.js'],
  ])('allows %s importing %s', async (filePath, spec) => {
    expect(await boundaryErrors(spec, filePath)).toBe(0);
  });

  it.each([
    ['actors/mission-control/actor.ts', '../../src/campaign/campaign.js'],
    ['actors/cipher/actor.ts', '../../test/helpers/cli.js'],
    ['hardware-sim/clock/actor.ts', '../../src/cli/main.js'],
  ])('keeps %s from importing %s (what composes the actors)', async (filePath, spec) => {
    const [result] = await eslint.lintText(`import { x } from '${spec}';\nexport const y = x;\n`, { filePath });
    expect((result?.messages ?? []).map((m) => m.ruleId)).toContain('no-restricted-imports');
  });

  it('leaves code outside the actors alone', async () => {
    expect(await boundaryErrors('../actors/hold-ticker/actor.js', 'test/x.test.ts')).toBe(0);
  });
});
