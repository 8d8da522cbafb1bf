import type { BoardEntry } from '../deck/uds.js';
import { type BoardContract, viewContract } from './board-view.js';
import type { CatalogSchema } from './catalog.js';
import { compose, isComposition } from './composition.js';
import { contractContent } from './contract-content.js';
import { type PayoutTerms, scaleCredits } from './economy.js';
import { credits } from './format.js';
import type { DeckContext } from './inputs.js';
import { moduleLabel } from './modules.js';
import type { GoalOutline, RewardOutline } from './objective-outline.js';

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
 * Decision: the briefing shows briefed goals only. Latent goals are
 * discovered in play (seed 003 §2), so they never appear here, nor do the
 * escalations; optional goals from the limbs pool are listed as bonus
 * conditions the contract may carry.
 */
export function briefingFor(e: BoardEntry, cs: CatalogSchema, ctx: DeckContext, balance: number): Briefing {
  const contract = viewContract(e, cs, ctx, false);
  const content = contractContent(cs, e);
  const composition = compose(cs, ctx.registry);
  const terms: PayoutTerms = { formula: cs.schema.payoutFormula, threat: e.threat, category: e.category, balance };
  const bonusGoals = [...cs.outline.spine.filter((g) => g.role === 'optional'), ...cs.outline.pool].filter((g) => !g.latent);
  return {
    contract,
    objectives: cs.outline.spine.filter((g) => !g.latent).map((g) => `${g.role === 'primary' ? '○' : '+'} ${g.text}${rewardText(g.rewards, terms, ' — ')}`),
    choices: cs.outline.branches.map((g) => `◇ ${g.text}${rewardText(g.rewards, terms, ' → ')}`),
    threat: {
      level: e.threat,
      ceiling: isComposition(composition) ? composition.ceiling : e.threat,
      contributors: cs.providers.map((m) => ({ module: m.name, cap: m.threatCap })),
    },
    phases: e.phases,
    payout: {
      base: e.payout,
      bonuses: bonusGoals.map((g: GoalOutline) => ({ condition: g.text, rewards: rewardText(g.rewards, terms, '') })),
    },
    intel: [...content.generated.entries()].filter(([name]) => name !== 'target-name').map(([name, g]) => ({ name, summary: g.summary })),
    cipher: contract.cipher,
  };
}

function rewardText(rewards: readonly RewardOutline[], terms: PayoutTerms, prefix: string): string {
  if (rewards.length === 0) return '';
  const parts = rewards.map((r) => {
    const escrow = r.when === 'on-resolve' ? ' (escrow)' : r.when === 'recurring' ? ' (per check-in)' : '';
    if (r.kind === '¤' && typeof r.amount === 'number') return `${credits(r.scaled ? scaleCredits(r.amount, terms) : r.amount)}${escrow}`;
    if (r.kind === 'access') return `+ACCESS ${String(r.amount).toUpperCase()}`;
    return `+${r.amount} ${r.kind.toUpperCase()}${escrow}`;
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
  const chars = [...line];
  return chars.length <= DISPLAY_COLUMNS ? line : `${chars.slice(0, DISPLAY_COLUMNS - 1).join('')}…`;
}
