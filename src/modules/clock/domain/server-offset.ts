export interface ClockSample {
  /** server time minus browser time, in ms */
  offsetMs: number;
  /** how uncertain the estimate is: half the round trip */
  errorMs: number;
}

/** The estimate from one round trip: the server read its clock somewhere between `sentAt` and `receivedAt`. */
export function estimateOffset(serverMs: number, sentAt: number, receivedAt: number): ClockSample {
  const halfTrip = Math.max(0, receivedAt - sentAt) / 2;
  return { offsetMs: serverMs - (sentAt + halfTrip), errorMs: halfTrip };
}
