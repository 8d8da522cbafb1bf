import type { ContractFact, Fact } from './facts.js';

/** The board a fact shows, and the deck time it shows it at: a boot's, or a change's. */
export function boardOf(f: Fact): { contracts: readonly ContractFact[]; at: number; boot: boolean } | null {
  if (f.kind === 'contracts') return { contracts: f.contracts, at: f.at, boot: false };
  if (f.kind === 'ready') return { contracts: f.contracts, at: f.at, boot: true };
  return null;
}

export function label(id: number): string {
  return `C-${id.toString(16).toUpperCase().padStart(4, '0')}`;
}
