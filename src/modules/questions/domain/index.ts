// An addendum, like an answer, may change the documents only before the bid deadline.
export { checkBeforeBidDeadline } from "./question-rules";
