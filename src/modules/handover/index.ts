import "server-only";

// A re-tender and a penunjukan take a new tender code from the same sequence.
export { takeTenderCode } from "./server/next-tender-code";
