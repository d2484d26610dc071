import "server-only";
import { matchNewTenders } from "./match-new-tenders";
import { sendDigests } from "./send-digests";
import { readAlertSettings } from "./settings";

/**
 * One pass for the worker: new tenders matched to saved searches (IMMEDIATE ones told at
 * once), then a batch of daily digests. Shaped for runWorkerLoop: `checked` = digests
 * claimed, so a full batch runs again at once; the matching pages through its window itself.
 */
export async function runAlertsTick({ limit = 20 } = {}) {
  const { digestHour, lagSeconds } = readAlertSettings();
  const matching = await matchNewTenders({ lagSeconds });
  const digests = await sendDigests({ limit, digestHour });
  return { matching, digests, checked: digests.claimed, transitions: [] as [] };
}
