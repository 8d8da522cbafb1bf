import type { BoardEntry, ContractCategory, Uds } from '../deck/uds.js';
import type { CatalogSchema } from './catalog.js';
import { compose, isComposition } from './composition.js';
import { contractContent } from './contract-content.js';
import { contractLabel, isoTime } from './format.js';
import { mix32, unit } from './hash.js';
import type { DeckContext } from './inputs.js';
import { contractClass } from './schema.js';

/** A required capability as the board shows it: an icon, dimmed when its cart is not in the slot. */
export interface BoardCapability {
  readonly name: string;
  readonly module: string;
  readonly icon: string;
  /** In the slot now, or a System baseline (always present). */
  readonly present: boolean;
}

/**
 * One contract as the operator sees it (seed 004 §4.1): threat, base payout,
 * capabilities, class, target and brief. Never its TTL, opportunity flag or
 * seeds — those are in `internals`, filled only for designers (`--reveal`).
 */
export interface BoardContract {
  readonly id: string;
  readonly class: string;
  readonly target: string;
  readonly threat: number;
  readonly payout: number;
  readonly capabilities: readonly BoardCapability[];
  readonly swapRequired: boolean;
  readonly phases: number;
  readonly brief: string;
  /** CIPHER's note on the presentation (urgency, anomaly, a closing window), or null. */
  readonly cipher: string | null;
  readonly internals?: ContractInternals;
}

export interface ContractInternals {
  readonly contractId: number;
  readonly schema: string;
  readonly ttlCategory: ContractCategory;
  readonly expiresAt: string | null;
  readonly opportunity: boolean;
  readonly seed: number;
  readonly contributors: readonly string[];
  readonly ceiling: number;
}

/**
 * Decision: what CIPHER says over a contract on the board. Decay is never a
 * countdown (§3.3): a warned contract gets "window. closing.", an Urgent one
 * a line about heat, an Episodic one a line about patience. An Opportunity is
 * never named as one (§3.4: Mission Control "does not tell the operator they
 * are one-shot"; the operator learns to read rarity from CIPHER's affect): it
 * often gets an aside, and so, now and then, does an ordinary contract, so an
 * aside suggests rarity and never proves it. Which contracts get one, and
 * which aside, follows from the contract, so a board reads the same every time.
 */
export function cipherNote(e: BoardEntry): string | null {
  if (e.warned) return 'window. closing.';
  if (e.category === 'urgent') return 'hot. moves fast.';
  if (e.category === 'episodic') return 'long game. patient money.';
  const roll = mix32('nosh:cipher-aside', e.id, e.seed);
  if (unit(roll) >= (e.category === 'opportunity' ? OPPORTUNITY_ASIDE_RATE : ORDINARY_ASIDE_RATE)) return null;
  return ASIDES[(roll >>> 8) % ASIDES.length] ?? null;
}

/** CIPHER's asides over a contract (annotate and drift, never a word about how often it comes). */
export const ASIDES: readonly string[] = ['huh.', 'odd one.', 'look closer.', 'who posts a thing like that.', 'that pairing again.', 'hm. not the usual paper.'];
/** How often an Opportunity gets an aside, and how often any other Standard contract does. */
const OPPORTUNITY_ASIDE_RATE = 0.6;
const ORDINARY_ASIDE_RATE = 0.1;

export function viewContract(e: BoardEntry, cs: CatalogSchema, ctx: DeckContext, reveal: boolean): BoardContract {
  const content = contractContent(cs, e);
  const composition = compose(cs, ctx.registry);
  const capabilities = cs.schema.requiredCapabilities.map((name) => {
    const m = ctx.registry.provider(name);
    const module = m?.name ?? '?';
    return { name, module, icon: m?.icon ?? '?', present: m !== undefined && (m.system || ctx.registry.inserted === module) };
  });
  const view: BoardContract = {
    id: contractLabel(e.id),
    class: contractClass(cs.schema),
    target: content.target,
    threat: e.threat,
    payout: e.payout,
    capabilities,
    swapRequired: isComposition(composition) ? composition.swapRequired : capabilities.some((c) => !c.present),
    phases: e.phases,
    brief: content.brief,
    cipher: cipherNote(e),
  };
  if (!reveal) return view;
  return {
    ...view,
    internals: {
      contractId: e.id,
      schema: e.schema,
      ttlCategory: e.category,
      expiresAt: e.expiresAt === null ? null : isoTime(e.expiresAt),
      opportunity: e.category === 'opportunity',
      seed: e.seed,
      contributors: cs.providers.map((m) => m.name),
      ceiling: isComposition(composition) ? composition.ceiling : 0,
    },
  };
}

/** The board in display order. A contract whose schema vanished from the content is skipped (decay reaps it). */
export function viewBoard(uds: Uds, ctx: DeckContext, reveal = false): BoardContract[] {
  const out: BoardContract[] = [];
  for (const e of uds.board) {
    const cs = ctx.catalog.schemaByName.get(e.schema);
    if (cs !== undefined) out.push(viewContract(e, cs, ctx, reveal));
  }
  return out;
}

/** The `--json` shape of issue 5 §10: exactly these fields, plus the internals with `--reveal`. */
export function boardJson(contracts: readonly BoardContract[]): { contracts: Record<string, unknown>[] } {
  return {
    contracts: contracts.map((c) => ({
      id: c.id,
      class: c.class,
      target: c.target,
      threat: c.threat,
      payout: c.payout,
      capabilities: c.capabilities.map((x) => x.name),
      swapRequired: c.swapRequired,
      phases: c.phases,
      ...(c.internals === undefined
        ? {}
        : {
            ttlCategory: c.internals.ttlCategory,
            expiresAt: c.internals.expiresAt,
            opportunity: c.internals.opportunity,
            schema: c.internals.schema,
            seed: c.internals.seed,
          }),
    })),
  };
}
