/**
 * The ocid of each kind of process (OCDS: a globally unique id made of the registered prefix
 * and an id unique within the publisher). A tender keeps the code people already quote
 * ("ocds-segel1-2026-00012"). A pengadaan langsung and a non-tender record have no public code,
 * so their id (a UUID, which never changes) follows a marker a tender code does not start with
 * (handover gives year + sequence digits): "ocds-segel1-pl-<uuid>", "ocds-segel1-nt-<uuid>".
 */
export type OcdsProcess =
  { kind: "TENDER"; code: string } | { kind: "DIRECT_PROCUREMENT"; id: string } | { kind: "NON_TENDER"; id: string };

/** The prefix's shape (the database's CHECK LpseInstance_ocidPrefix_check holds it too). */
export const OCID_PREFIX_PATTERN = /^ocds-[a-z0-9]{6}$/;

export function ocidFor(prefix: string, process: OcdsProcess): string {
  switch (process.kind) {
    case "TENDER":
      return `${prefix}-${process.code}`;
    case "DIRECT_PROCUREMENT":
      return `${prefix}-pl-${process.id}`;
    case "NON_TENDER":
      return `${prefix}-nt-${process.id}`;
  }
}

/** `<ocid>-<position>`: the id the database's CHECK OcdsRelease_shape requires. */
export function releaseIdFor(ocid: string, position: number): string {
  return `${ocid}-${position}`;
}
