// The open proof of each staged file (the envelope's ephemeral key) lives only in this
// tab's sessionStorage: the server keeps none, and submitting needs it to prove the file
// opens. It unlocks only the vendor's own file, which this browser has anyway.
const key = (fileId: string) => `segel.bid.openProof.${fileId}`;

export function saveOpenProof(fileId: string, proof: string) {
  try {
    sessionStorage.setItem(key(fileId), proof);
  } catch {
    // storage full or disabled: the file then has to be uploaded again in this tab
  }
}

export function readOpenProof(fileId: string): string | null {
  try {
    return sessionStorage.getItem(key(fileId));
  } catch {
    return null;
  }
}

export function forgetOpenProof(fileId: string) {
  try {
    sessionStorage.removeItem(key(fileId));
  } catch {}
}
