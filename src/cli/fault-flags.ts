import { type FaultRates, parseFaultRates } from '../campaign/faults/rates.js';
import { UsageError } from './options.js';

/** `--faults` and `--fault-rates`, as soak and replay both take them: null for no faults. */
export function faultsOf(on: boolean, rates: string | undefined): FaultRates | null {
  if (rates !== undefined && !on) throw new UsageError('--fault-rates needs --faults');
  try {
    return on ? parseFaultRates(rates ?? '') : null;
  } catch (err) {
    throw new UsageError(`--fault-rates: ${(err as Error).message}`);
  }
}
