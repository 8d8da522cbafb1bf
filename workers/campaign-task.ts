import { type CampaignSummary, runCampaign } from '../src/campaign/campaign.js';
import type { CampaignTask } from '../src/campaign/soak.js';

/**
 * A piscina task: one whole campaign, every actor inline on this pool
 * thread (the same actor code the threads placement runs), checked against
 * the invariants as it plays.
 */
export default async function campaignTask(task: CampaignTask): Promise<CampaignSummary> {
  try {
    return await play(task);
  } finally {
    task.progress?.close();
  }
}

function play(task: CampaignTask): Promise<CampaignSummary> {
  return runCampaign({
    seed: task.seed,
    missions: task.missions,
    placement: 'inline',
    checkInvariants: true,
    faults: task.faults,
    skimCredit: task.skimCredit,
    series: task.series,
    // One message per settled mission (the deck's run count after it), so a soak of a few long campaigns
    // still shows progress; a settlement a power cut lost and the deck played again counts once.
    onEnvelope: (e) => {
      const event = e.kind === 'deck/event' ? (e.body as { type: string; figures?: { runs: number } }) : null;
      if (task.progress && event?.type === 'settled' && event.figures) task.progress.postMessage(event.figures.runs);
    },
  });
}
