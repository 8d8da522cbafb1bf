import type { Command } from 'commander';

export function registerValidateSchema(program: Command): void {
  program
    .command('validate-schema')
    .description('Lint defcontract-schema forms against the registered capabilities (seed 004 OQ-5). Prints FILE:line:col: error: … per problem; exits 1 if any.')
    .argument('<files...>', 'cart .lisp files to check')
    .action(async (paths: string[]) => {
      const { validateSchemaAction } = await import('../actions/validate-schema.js');
      validateSchemaAction(paths);
    });
}
