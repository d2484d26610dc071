// The clock pieces other modules' components render: a deadline in the agency's zone, and the
// server's time for a client component that flips at a stage boundary.
export { TimeInZone } from "./time-in-zone";
export { useServerNow } from "./server-clock";
