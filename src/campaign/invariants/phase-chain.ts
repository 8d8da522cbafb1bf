import { PHASE_CHAIN_BYTES } from '../../objectives/limits.js';
import { decodePhaseChain } from '../../objectives/phase-chain.js';
import type { Invariant } from './invariant.js';

/** Every deck state committed decodes, and its phase chain is 256 bytes and restorable while a mission runs. */
export function phaseChain(): Invariant {
  return {
    name: 'phase-chain',
    check(f) {
      if (f.kind !== 'commit') return null;
      if (f.uds === null) return `commit ${f.tag ?? '?'}: the deck state does not decode: ${f.error}`;
      if (f.uds.phaseChain.length !== PHASE_CHAIN_BYTES) return `commit ${f.tag ?? '?'}: phase chain is ${f.uds.phaseChain.length} bytes`;
      if (f.uds.active === null) return null;
      try {
        decodePhaseChain(f.uds.phaseChain);
        return null;
      } catch (err) {
        return `commit ${f.tag ?? '?'}: the running mission's phase chain does not decode: ${(err as Error).message}`;
      }
    },
  };
}
