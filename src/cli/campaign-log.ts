import type { DeckEvent } from '../../actors/mission-control/messages.js';
import type { Envelope } from '../runtime/envelope.js';

/**
 * The readable log of a campaign, from what the deck tells the outside:
 * boards, accepted contracts, capability calls and Hot Swaps, goals, CIPHER
 * lines, settlements and script errors. `verbose` adds the full board and
 * every goal change.
 */
export class CampaignLog {
  private mission = 0;
  private boards = 0;

  constructor(
    private readonly out: (line: string) => void,
    private readonly verbose: boolean,
  ) {}

  envelope(e: Envelope): void {
    switch (e.kind) {
      case 'deck/event':
        return this.deck(e.body as DeckEvent);
      case 'cipher/line':
        return this.out(`   CIPHER> ${(e.body as { text: string }).text}`);
      case 'runner/log':
        return this.out(`   ${(e.body as { text: string }).text}`);
      case 'runner/error':
        return this.out(`   error: ${(e.body as { error: string }).error}`);
      default:
        return;
    }
  }

  private deck(d: DeckEvent): void {
    switch (d.type) {
      case 'ready': {
        const when = new Date(d.at).toISOString().slice(0, 16).replace('T', ' ');
        this.out(`deck ${d.restored ? 'booted from flash' : 'ready (new deck)'} at ${when}: ¤${d.credits} · rep ${d.reputation} · ${d.board.length} contracts on the board`);
        if (this.verbose) this.out(`   on the board: ${d.board.join(', ')}`);
        if (d.expired.length > 0) this.out(`   expired while off: ${d.expired.join(', ')}`);
        if (d.mission) this.out(`#${++this.mission} restored mid-run :${d.mission.schema} (${d.mission.contract})`);
        return;
      }
      case 'board':
        this.boards++;
        if (this.verbose || this.boards === 1) for (const line of d.lines) this.out(`   ${line}`);
        return;
      case 'accepted':
        this.mission++;
        return this.out(`#${this.mission} accepted :${d.schema}: ${d.target} (threat ${d.threat}, ${d.phases} phase${d.phases === 1 ? '' : 's'})`);
      case 'call':
        return this.out(d.swap ? `   Hot Swap: ${d.cart} needed` : `   call ${d.cart}`);
      case 'swap':
        return this.out(`   slot: ${d.from ?? 'empty'} → ${d.to}`);
      case 'call-result':
        return this.out(`   ${d.cart}: ${d.outcome} · trace ${d.trace} · ${d.turns} turns`);
      case 'goal':
        if (this.verbose || d.to === 'failed' || d.to === 'forfeit') this.out(`   goal ${d.goal}: ${d.from} → ${d.to} (${d.cause})`);
        return;
      case 'holds-rejected':
        return this.out(`   holds rejected: ${d.error}`);
      case 'flash-power-lost':
        return this.out(`   flash: power lost mid-commit (${d.during}); remounted, committing again`);
      case 'settled':
        return this.out(`#${this.mission} ${d.outcome}: ${sign(d.credits)}¤ ${sign(d.reputation)} rep → ¤${d.balance} · rep ${d.reputationTotal}`);
      case 'cart':
        if (d.yanked) this.out(`   slot: ${d.cart ?? 'cart'} yanked`);
        if (d.error) this.out(`   slot: ${d.error}`);
        return;
      case 'power':
        return this.out(d.on ? `deck on after ${(d.offMs / 3_600_000).toFixed(1)} h off` : `deck off for ${(d.offMs / 3_600_000).toFixed(1)} h`);
      case 'committed':
        return;
    }
  }
}

function sign(n: number): string {
  return n >= 0 ? `+${n}` : String(n);
}
