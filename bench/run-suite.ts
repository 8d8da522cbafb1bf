import { type SuiteOptions, suites } from './suites.js';

/**
 * One suite in a process of its own (`nosh bench` starts one per suite), so
 * that its cold figures are a fresh process's and nothing another suite
 * left behind (warm workers, a JIT warmed on shared code, a grown heap) is
 * in its measurements. argv: the suite's name and its options as JSON; the
 * figures come back as one JSON line on stdout.
 */
const [name = '', optionsJson = '{}'] = process.argv.slice(2);
const suite = Object.hasOwn(suites, name) ? suites[name] : undefined;
if (suite === undefined) throw new Error(`no bench suite '${name}'`);
const figures = await suite(JSON.parse(optionsJson) as SuiteOptions);
// Exit once the line is out: a thread a suite left unreferenced must not keep this process up.
process.stdout.write(`${JSON.stringify(figures)}\n`, () => process.exit(0));
