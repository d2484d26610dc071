import "server-only";
import { queueDeadlineReminders } from "./queue-deadline-reminders";
import { sendPendingEmails, type SendResult } from "./send-pending-emails";

export interface NotificationTickResult {
  reminders: { tenders: number; notified: number };
  mail: SendResult;
}

/**
 * One pass for the worker: queue due bid-deadline reminders, then send a batch of mail.
 * Reminders first, so a reminder written now goes out in the same pass. Shaped for
 * runWorkerLoop: `checked` = mail rows claimed, so a full batch runs again at once.
 */
export async function runNotificationTick({ limit = 20 } = {}): Promise<
  NotificationTickResult & { checked: number; transitions: [] }
> {
  const reminders = await queueDeadlineReminders();
  const mail = await sendPendingEmails({ limit });
  return { reminders, mail, checked: mail.claimed, transitions: [] };
}
