/**
 * nosh as a library (`import { runCampaign } from 'nosh'`): play a campaign,
 * run a soak, read a trace. The same functions the `nosh` command runs; see
 * the README's "Library" section.
 */
export { type CampaignConfig, type CampaignSummary, runCampaign } from './campaign/campaign.js';
export { type SoakConfig, type SoakProgress, type SoakResult, runSoak } from './campaign/soak.js';
export { DEFAULT_FAULT_RATES, FAULT_KINDS, type FaultRates, parseFaultRates } from './campaign/faults/rates.js';
export { readTrace, traceHashOf } from './runtime/trace/jsonl-reader.js';
export type { TraceRecord } from './runtime/trace/record.js';
