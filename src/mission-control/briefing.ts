import type { BoardEntry } from '../deck/uds.js';
import { type BoardContract, viewContract } from './board-view.js';
import type { CatalogSchema } from './catalog.js';
import { compose, isComposition } from './composition.js';
import { contractContent } from './contract-content.js';
import { credits } from './format.js';
import type { DeckContext } from './inputs.js';
import { moduleLabel } from './modules.js';
import { instantiateMission, termsFor } from './objectives.js';
import type { Reward } from '../objectives/rewards.js';
import type { GoalView } from '../objectives/views.js';
import type { Mission } from '../objectives/mission.js';

/** The full briefing behind [CAR] (seed 004 §4.3). */
export interface Briefing {
  readonly contract: BoardContract;
  /** What the contract is for: the spine's briefed goals, in order. */
  readonly objectives: readonly string[];
  /** The authored fork, when there is one. */
  readonly choices: readonly string[];
  readonly threat: { readonly level: number; readonly ceiling: number; readonly contributors: readonly { readonly module: string; readonly cap: number }[] };
  readonly phases: number;
  readonly payout: { readonly base: number; readonly bonuses: readonly { readonly condition: string; readonly rewards: string }[] };
  /** The intel the generators produced, one phrase each (target, topology, ICE …). */
  readonly intel: readonly { readonly name: string; readonly summary: string }[];
  readonly cipher: string | null;
}

/**
 * Decision: the briefing is drawn from the contract's own objective graph —
 * the engine instance for its seed, so the optional goals listed are the
 * limbs this contract actually carries, with their amounts at its rate. It
 * shows briefed goals only: latent goals and escalations are discovered in
 * play (seed 003 §2) and never appear here. `accepted`: that instance, when the
 * contract was just accepted (Mission Control briefs from the graph it runs,
 * rather than building a second one for the same seed).
 */
export function briefingFor(e: BoardEntry, cs: CatalogSchema, ctx: DeckContext, accepted?: Mission): Briefing {
  const contract = viewContract(e, cs, ctx, false);
  const content = contractContent(cs, e);
  const composition = compose(cs, ctx.registry);
  const mission = accepted ?? instantiateMission(cs.objectives, e, termsFor(e, cs.schema.payoutFormula));
  const goals = mission.snapshot().goals.filter((g) => g.briefed && g.origin !== 'escalation');
  const phased = e.phases > 1;
  const line = (g: GoalView, glyph: string, sep: string): string => `${glyph} ${phased ? `P${g.phase} ` : ''}${g.text ?? g.name}${rewardText(g.rewards, sep)}`;
  return {
    contract,
    objectives: goals.filter((g) => g.parent === null && g.role === 'primary').map((g) => line(g, '○', ' — ')),
    choices: goals.filter((g) => g.parentGroup === 'branch').map((g) => line(g, '◇', ' → ')),
    threat: {
      level: e.threat,
      ceiling: isComposition(composition) ? composition.ceiling : e.threat,
      contributors: cs.providers.map((m) => ({ module: m.name, cap: m.threatCap })),
    },
    phases: e.phases,
    payout: {
      base: e.payout,
      bonuses: goals.filter((g) => g.parent === null && g.role === 'optional').map((g) => ({ condition: g.text ?? g.name, rewards: rewardText(g.rewards, '') })),
    },
    intel: [...content.generated.entries()].filter(([name]) => name !== 'target-name').map(([name, g]) => ({ name, summary: g.summary })),
    cipher: contract.cipher,
  };
}

function rewardText(rewards: readonly Reward[], prefix: string): string {
  if (rewards.length === 0) return '';
  const parts = rewards.map((r) => {
    const when = r.when === 'on-resolve' ? ' (escrow)' : r.when === 'recurring' ? ' (per check-in)' : r.when === 'deferred' ? ' (later)' : '';
    if (r.kind === '¤') return `${credits(r.amount)}${when}`;
    if (r.kind === 'access') return `+ACCESS ${(r.flag ?? '').toUpperCase()}`;
    return `+${r.amount} ${r.kind.toUpperCase()}${when}`;
  });
  return prefix + parts.join(' ');
}

/** The briefing as lines of at most 128 characters (the deck's display width). */
export function renderBriefing(b: Briefing): string[] {
  const c = b.contract;
  const lines = [
    `BRIEFING ${c.id} · ${c.class} · ${c.target}`,
    `  ${c.brief}`,
    '',
    'OBJECTIVE',
    ...b.objectives.map((o) => `  ${o}`),
    ...b.choices.map((o) => `    ${o}`),
    '',
    `THREAT ${b.threat.level} (ceiling ${b.threat.ceiling}: ${b.threat.contributors.map((x) => `${moduleLabel(x.module)} cap ${x.cap}`).join(', ')})`,
    `CAPABILITIES ${c.capabilities.map((x) => `${x.present ? `[${x.icon}]` : `(${x.icon.toLowerCase()})`} ${x.name}`).join('  ')}${c.swapRequired ? '  ⇄ HOT SWAP NEEDED' : ''}`,
    `PHASES ${b.phases}`,
    `PAYOUT ${credits(b.payout.base)} base`,
    ...b.payout.bonuses.map((x) => `  + ${x.condition}${x.rewards === '' ? '' : `: ${x.rewards}`}`),
    ...(b.intel.length > 0 ? ['', 'INTEL', ...b.intel.map((x) => `  ${x.name}: ${x.summary}`)] : []),
    ...(b.cipher === null ? [] : ['', `CIPHER: ${b.cipher}`]),
    '',
    '[EVAL] accept  [NIL] back  [CDR] next',
  ];
  return lines.map((l) => clip(l));
}

export const DISPLAY_COLUMNS = 128;

export function clip(line: string): string {
  // UTF-16 length bounds the code points from above: most lines are short, and need no split.
  if (line.length <= DISPLAY_COLUMNS) return line;
  const chars = [...line];
  return chars.length <= DISPLAY_COLUMNS ? line : `${chars.slice(0, DISPLAY_COLUMNS - 1).join('')}…`;
}
