import "server-only";
import { getInstanceSubkey } from "@/server/instance-subkey";

/**
 * The key of the audit events' MACs, derived from the instance's key, which lives in a
 * file outside the database: whoever can only write to the database cannot make an event
 * that passes the MAC check.
 */
export function getAuditMacKey(): Promise<Buffer> {
  return getInstanceSubkey("segel.audit.event-mac.v1");
}
