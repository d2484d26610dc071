// The envelopes the OCDS endpoints answer with (release-package-schema.json and
// record-package-schema.json of OCDS 1.1.5). Pure: the addresses and the publisher are given.
import { compileRelease, type JsonObject } from "./merge";

export const OCDS_VERSION = "1.1";
/** Open data under CC BY 4.0 (configuration, not law: an Open Definition conformant licence, as OCDS recommends). */
export const OCDS_LICENSE = "https://creativecommons.org/licenses/by/4.0/";
/** The bid statistics after the opening (`bids`) come from the OCDS bid extension. */
export const BID_EXTENSION =
  "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json";
/** The feed's `links.next` is the OCDS pagination extension's field, declared where it is used. */
export const PAGINATION_EXTENSION =
  "https://raw.githubusercontent.com/open-contracting-extensions/ocds_pagination_extension/master/extension.json";

export interface Publisher {
  /** the LPSE's name */
  name: string;
  /** the portal's public address */
  uri: string;
}

export interface PackageMeta {
  /** the address this package is served at */
  uri: string;
  publisher: Publisher;
  /** the address of the page that says what is published and what is not (/data-terbuka) */
  publicationPolicy: string;
}

export interface OcdsRecord {
  ocid: string;
  releases: JsonObject[];
  compiledRelease: JsonObject;
}

const latestDate = (releases: readonly JsonObject[]): string =>
  releases.map((release) => String(release.date)).reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));

function envelope(meta: PackageMeta, publishedDate: string, extensions: string[]) {
  return {
    uri: meta.uri,
    version: OCDS_VERSION,
    extensions,
    // generated on demand: the date of the latest change it contains (release-package-schema)
    publishedDate,
    publisher: { name: meta.publisher.name, uri: meta.publisher.uri },
    license: OCDS_LICENSE,
    publicationPolicy: meta.publicationPolicy,
  };
}

/** A release package of one or more releases; `next` (the feed's next page) goes in `links`. */
export function releasePackage(meta: PackageMeta, releases: readonly JsonObject[], next?: string): JsonObject {
  if (releases.length === 0) throw new Error("a release package holds at least one release");
  const extensions = next ? [BID_EXTENSION, PAGINATION_EXTENSION] : [BID_EXTENSION];
  return {
    ...envelope(meta, latestDate(releases), extensions),
    releases: [...releases],
    ...(next ? { links: { next } } : {}),
  };
}

/** The compiled release takes the id of the latest release it includes, marked as compiled. */
export const compiledReleaseId = (releases: readonly JsonObject[]) => `${String(releases.at(-1)!.id)}-compiled`;

/** One ocid's record: every release, oldest first, embedded, and the compiled release. */
export function buildRecord(ocid: string, releases: readonly JsonObject[]): OcdsRecord {
  if (releases.length === 0) throw new Error("a record holds at least one release");
  return { ocid, releases: [...releases], compiledRelease: compileRelease(releases, compiledReleaseId(releases)) };
}

/** A record package of one record per ocid. */
export function recordPackage(meta: PackageMeta, records: readonly OcdsRecord[]): JsonObject {
  if (records.length === 0) throw new Error("a record package holds at least one record");
  const published = latestDate(records.map((record) => record.compiledRelease));
  return { ...envelope(meta, published, [BID_EXTENSION]), records: records.map((record) => ({ ...record })) };
}
