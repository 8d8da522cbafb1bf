import type { Command } from 'commander';

export function registerValidateSchema(program: Command): void {
  program
    .command('validate-schema')
    .description('Check cart files: every contract schema and module registration against the capabilities the shipped carts and the files register. Prints FILE:line:col: error: … per problem.')
    .argument('<files...>', 'cart .lisp files to check')
    .option('--json', 'one JSON object per problem and line: {"file","line","col","severity","message"}, for editors')
    .addHelpText('after', '\nExamples:\n  nosh validate-schema actors/cartridge/games/terminal/*.lisp\n  nosh validate-schema --json my-cart.lisp\n\nExit status: 0 clean, 1 problems found, 2 usage error.')
    .action(async (paths: string[], opts: { json?: boolean }) => {
      const { validateSchemaAction } = await import('../actions/validate-schema.js');
      validateSchemaAction(paths, { json: opts.json === true });
    });
}
