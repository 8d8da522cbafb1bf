import type { Command } from 'commander';
import { UsageError } from '../options.js';

export function registerValidateSchema(program: Command): void {
  program
    .command('validate-schema')
    .description('Check cart files: every contract schema and module registration against the capabilities the shipped carts and the files register. Prints FILE:line:col: error: … per problem.')
    .argument('[files...]', 'cart .lisp files to check')
    .option('--script <file>', 'also check an operator script: it must read, unknown verbs are warned of, deck verbs and builtins called with a wrong count of arguments are errors (repeatable)', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--json', 'one JSON object per problem and line: {"file","line","col","severity","message"}, for editors')
    .addHelpText('after', '\nExamples:\n  nosh validate-schema actors/cartridge/games/terminal/*.lisp\n  nosh validate-schema --json my-cart.lisp\n  nosh validate-schema --script my-operator.lisp\n\nExit status: 0 clean, 1 problems found, 2 usage error.')
    .action(async (paths: string[], opts: { json?: boolean; script: string[] }) => {
      if (paths.length === 0 && opts.script.length === 0) throw new UsageError('validate-schema needs cart files to check, or --script FILE');
      const { validateSchemaAction } = await import('../actions/validate-schema.js');
      validateSchemaAction(paths, { json: opts.json === true, scripts: opts.script });
    });
}
