import type { BoardContract } from './board-view.js';
import { clip } from './briefing.js';
import { credits } from './format.js';
import { moduleLabel } from './modules.js';

/**
 * The board as text for the deck's 128-column display: one line per contract
 * and its brief under it, `▸` on the selected one. Icons in brackets are
 * present (in the slot, or a System baseline); lower-case in parentheses are
 * dimmed (a swap away). `memorial`: the Historical carts (seed 004 §2.2:
 * "visible to operator as memorial / re-insert affordance"), a row of their
 * own with the way back, when there are any.
 */
export function renderBoard(contracts: readonly BoardContract[], selected: number, inserted: string | null, memorial: readonly string[] = []): string[] {
  const lines = [`MISSION BOARD · ${contracts.length} contract${contracts.length === 1 ? '' : 's'} · ${inserted === null ? 'slot empty' : `${moduleLabel(inserted)} in slot`}`];
  contracts.forEach((c, i) => {
    const icons = c.capabilities.map((x) => (x.present ? `[${x.icon}]` : `(${x.icon.toLowerCase()})`));
    const uniqueIcons = [...new Set(icons)].join('·');
    const marker = i === selected ? '▸' : ' ';
    lines.push(
      `${marker} ${i + 1}  ${c.id}  ${c.class.padEnd(12)}  T${c.threat}  ${credits(c.payout).padStart(8)}  ${c.target.padEnd(28)}  ${uniqueIcons}${c.swapRequired ? ' ⇄ swap' : ''}${c.phases > 1 ? `  ${c.phases} phases` : ''}`,
    );
    lines.push(`       ${c.brief}`);
    if (c.cipher !== null) lines.push(`       CIPHER: ${c.cipher}`);
    if (c.internals !== undefined) {
      const x = c.internals;
      lines.push(`       · ${x.schema} · ${x.ttlCategory}${x.opportunity ? ' (opportunity)' : ''} · expires ${x.expiresAt ?? 'never (until accepted)'} · seed ${x.seed} · ceiling ${x.ceiling}`);
    }
  });
  if (contracts.length === 0) lines.push('  (no contracts: nothing registered composes)');
  if (memorial.length > 0) lines.push(memorialRow(memorial));
  lines.push('[CDR] next  [CAR] brief  [EVAL] accept  [NIL] back');
  return lines.map(clip);
}

/** `IN MEMORIAM  ICE BREAKER · SONAR  gone quiet: re-insert one to bring its contracts back, (insert-cart :sonar)`. */
export function memorialRow(carts: readonly string[]): string {
  return `IN MEMORIAM  ${carts.map(moduleLabel).join(' · ')}  gone quiet: re-insert one to bring its contracts back, (insert-cart :${carts[0] ?? ''})`;
}
