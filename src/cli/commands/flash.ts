import type { Command } from 'commander';
import { integer } from '../options.js';

export function registerFlash(program: Command): void {
  const flash = program.command('flash').description('The simulated NOR flash that holds the deck state.');
  flash
    .command('torture')
    .description('Commit deck states and cut power at every program/erase step of each, plus seeded double losses; reboot after each and check what survived.')
    .option('--seed <n>', 'seed for payloads, tear patterns and double losses', integer('--seed'), 1)
    .option('--saves <k>', 'how many commits to torture', integer('--saves', 1, 1_000_000), 200)
    .option('--json', 'print one JSON object as the last line', false)
    .addHelpText('after', '\nExamples:\n  nosh flash torture --saves 50\n  nosh flash torture --seed 3 --saves 1000 --json\n\nExit status 1 when any reboot lost a committed state or booted a torn one.')
    .action(async (opts: { seed: number; saves: number; json: boolean }) => {
      const { flashTortureAction } = await import('../actions/flash.js');
      flashTortureAction(opts);
    });
  flash
    .command('info')
    .description('Show a flash image: geometry, wear, and the deck state it would boot into (read-only).')
    .argument('<image>', 'flash image file')
    .option('--json', 'print one JSON object', false)
    .addHelpText('after', '\nExamples:\n  nosh run --flash deck.img --missions 3 && nosh flash info deck.img\n  nosh flash info deck.img --json')
    .action(async (path: string, opts: { json: boolean }) => {
      const { flashInfoAction } = await import('../actions/flash.js');
      flashInfoAction(path, opts);
    });
}
