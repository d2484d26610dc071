export {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  bundleManifestSchema,
  DATA_ENTRY,
  decodeValue,
  encodeValue,
  FILES_PREFIX,
  MANIFEST_ENTRY,
  SIGNATURE_ENTRY,
  type BundleData,
  type BundleEntry,
  type BundleManifest,
  type BundlePerson,
  type EncodedValue,
} from "./bundle-format";
export { markTransferredSchema, transferredMessage, type MarkTransferredInput } from "./transfer-input";
