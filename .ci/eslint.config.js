// Lint config lives with CI because the project's top level is fixed; `npm run lint` points ESLint here.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { actorBoundaries } from './actor-boundaries.js';

/** Actor and domain code must be deterministic: time and randomness come from the actor context. */
const nondeterminism = {
  'no-restricted-properties': [
    'error',
    { object: 'Math', property: 'random', message: 'Use ctx.rng (seeded per actor) instead of Math.random.' },
    { object: 'Date', property: 'now', message: 'Use ctx.now() (virtual deck time) instead of Date.now.' },
    { object: 'performance', property: 'now', message: 'Actor code reads virtual time (ctx.now / ctx.tick), never the wall clock.' },
    { object: 'process', property: 'hrtime', message: 'Actor code reads virtual time (ctx.now / ctx.tick), never the wall clock.' },
  ],
  'no-restricted-syntax': [
    'error',
    { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'new Date() reads the wall clock; use ctx.now().' },
    { selector: "CallExpression[callee.object.name='crypto'][callee.property.name=/^(randomUUID|getRandomValues|randomBytes|randomInt)$/]", message: 'Use ctx.rng, not crypto randomness.' },
  ],
  'no-restricted-globals': [
    'error',
    { name: 'setTimeout', message: 'Actors schedule with ctx.send(..., { after }) so lockstep stays deterministic.' },
    { name: 'setInterval', message: 'Actors schedule with ctx.send(..., { after }) so lockstep stays deterministic.' },
    { name: 'setImmediate', message: 'Actors schedule with ctx.send(..., { after }) so lockstep stays deterministic.' },
  ],
};

/** The import boundary of the invariants (`outside`: a relative path that leaves them for anything but the trace types and the Lisp reader). */
function oracle(files, outside) {
  const message = 'An invariant is an independent oracle: it imports only its own model, the trace record types and the Lisp reader (docs/soak.md).';
  return { files, rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: outside, message }, { regex: '/(actors|hardware-sim|workers|objectives|mission-control|deck|cli)/', message }] }] } };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    // The soak dashboard's page script runs in the browser (served as is, no build step).
    files: ['src/cli/dashboard/page/**/*.js'],
    languageOptions: { globals: { ...globals.browser, uPlot: 'readonly' }, sourceType: 'script' },
  },
  {
    // docs/architecture.md (import rules): the pure core imports only src/ and npm packages (src/cli and src/campaign compose everything).
    files: ['src/runtime/**/*.ts', 'src/lisp/**/*.ts', 'src/objectives/**/*.ts', 'src/mission-control/**/*.ts', 'src/deck/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '/(actors|hardware-sim|workers|bench|test)/', message: 'The pure core (src/) imports only src/ and npm packages.' }] }],
    },
  },
  {
    // docs/architecture.md (import rules): the simulated hardware knows no deck actor.
    files: ['hardware-sim/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '/(actors|workers|bench|test)/|/src/(cli|campaign)/', message: 'hardware-sim imports only the pure core (src/) and its own folders.' }] }],
    },
  },
  {
    // docs/architecture.md (import rules): actors build on the pure core, not on what composes them.
    files: ['actors/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '/(workers|bench|test)/|/src/(cli|campaign)/', message: 'Actors import the pure core (src/ but cli and campaign), not workers, bench, test or the CLI.' }] }],
    },
  },
  // Issue 12: an invariant is an oracle. It restates the seeds' rules in its own model and never imports
  // the code it checks: no deck, objectives, economy or Mission Control code, no actor, no hardware, nor the
  // rest of the campaign. It reads the trace's record types and the cart files (through the Lisp reader).
  // docs/architecture.md (import rules): an actor talks to another through messages, so all it may import of
  // another actor is that actor's declared inbox.ts / messages.ts; it imports src/ and its own folder freely.
  {
    files: ['actors/**/*.ts', 'hardware-sim/**/*.ts'],
    plugins: { nosh: { rules: { 'actor-boundaries': actorBoundaries } } },
    rules: {
      'nosh/actor-boundaries': [
        'error',
        {
          // The deck's time base: every hardware part counts its operations in the clock's cycles.
          shared: ['hardware-sim/clock/deck-clock.js'],
        },
      ],
    },
  },
  oracle(['src/campaign/invariants/*.ts'], '^\\.\\./(?!\\.\\./(runtime/trace|lisp/(reader|values))\\b)'),
  oracle(['src/campaign/invariants/model/**/*.ts'], '^\\.\\./\\.\\./(?!\\.\\./(runtime/trace|lisp/(reader|values))\\b)'),
  {
    files: ['actors/**/*.ts', 'hardware-sim/**/*.ts', 'src/lisp/**/*.ts', 'src/objectives/**/*.ts', 'src/mission-control/**/*.ts', 'src/deck/**/*.ts'],
    rules: nondeterminism,
  },
  // After the determinism rules: it extends their no-restricted-syntax for actor code.
  {
    // Every peer an actor sends to is named by its inbox (`peer(Inbox, id)`), so a wrong send does not compile.
    files: ['actors/**/*.ts', 'hardware-sim/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...nondeterminism['no-restricted-syntax'].slice(1), { selector: "CallExpression[callee.name='untypedPeer']", message: 'Name the peer by its inbox: peer(Inbox, id). untypedPeer is for kernel tests only.' }],
    },
  },
);
