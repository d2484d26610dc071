// The tender a message is about, and the messages other modules send through notify().
export type { TenderRef } from "./messages";
export {
  ADDENDUM_KIND,
  addendumPublishedMessage,
  COMPENSATION_KIND,
  scheduleCompensatedMessage,
  questionAnsweredMessage,
  questionAskedMessage,
  scheduleChangedMessage,
} from "./messages";
