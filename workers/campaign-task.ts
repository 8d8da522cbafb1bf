import { threadId } from 'node:worker_threads';
import { type CampaignSummary, runCampaign } from '../src/campaign/campaign.js';
import { AUTOPILOT, type CartLibrary, loadCartLibrary, loadScript } from '../src/campaign/cart-files.js';
import type { CampaignOutcome, CampaignTask, FinishedCampaign } from '../src/campaign/soak.js';

/**
 * Read once per pool thread, not once per campaign: a thread plays many
 * campaigns, and the shipped carts and the operator script do not change
 * during a soak (every campaign reads them as they were when the thread started).
 */
let shipped: { library: CartLibrary; script: { name: string; text: string } } | null = null;

/**
 * A piscina task: a batch of whole campaigns one after another, every actor
 * inline on this pool thread (the same actor code the threads placement
 * runs), each checked against the invariants as it plays. A campaign that
 * throws is reported as its outcome; the rest of the batch still plays.
 */
export default async function campaignTask(task: CampaignTask): Promise<CampaignOutcome[]> {
  shipped ??= { library: loadCartLibrary(), script: loadScript(AUTOPILOT) };
  const outcomes: CampaignOutcome[] = [];
  try {
    for (const [k, seed] of task.seeds.entries()) {
      let outcome: CampaignOutcome;
      try {
        outcome = { seed, summary: await play(task, seed, k, shipped) };
      } catch (err) {
        outcome = { seed, error: err instanceof Error ? err.message : String(err) };
      }
      outcomes.push(outcome);
      // Said at once, not only with the batch: an interrupted batch keeps what it finished.
      task.progress?.postMessage({ k, outcome, thread: threadId } satisfies FinishedCampaign);
    }
    return outcomes;
  } finally {
    task.progress?.close();
  }
}

function play(task: CampaignTask, seed: number, k: number, files: NonNullable<typeof shipped>): Promise<CampaignSummary> {
  return runCampaign({
    seed,
    missions: task.missions,
    placement: 'inline',
    checkInvariants: true,
    faults: task.faults,
    skimCredit: task.skimCredit,
    series: task.series,
    ...files,
    // One message per settled mission (the deck's run count after it), so a soak of a few long campaigns
    // still shows progress; a settlement a power cut lost and the deck played again counts once.
    onEnvelope: (e) => {
      const event = e.kind === 'deck/event' ? (e.body as { type: string; figures?: { runs: number } }) : null;
      if (task.progress && event?.type === 'settled' && event.figures) task.progress.postMessage([k, event.figures.runs, threadId]);
    },
  });
}
