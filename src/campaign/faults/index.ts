export { FaultInjector } from './injector.js';
export { DEFAULT_FAULT_RATES, FAULT_KINDS, type FaultCounts, type FaultKind, type FaultRates, describeFaults, faultRatesText, noFaults, parseFaultRates } from './rates.js';
