// Placeholder: F (the import) replaces this file with the upload, fingerprint and agency form.
export function ImportTenderSection() {
  return null;
}
