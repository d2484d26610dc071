// The open proof of each staged file (the envelope's ephemeral key) lives only in this
// tab's sessionStorage: the server keeps none, and submitting needs it to prove the file
// opens. It unlocks only the vendor's own file, which this browser has anyway. The file's
// name is kept beside it: the server seals it and cannot show it back before the opening.
const key = (fileId: string) => `segel.bid.openProof.${fileId}`;
const nameKey = (fileId: string) => `segel.bid.fileName.${fileId}`;

export function saveOpenProof(fileId: string, proof: string, fileName: string) {
  try {
    sessionStorage.setItem(key(fileId), proof);
    sessionStorage.setItem(nameKey(fileId), fileName);
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

export function readFileName(fileId: string): string | null {
  try {
    return sessionStorage.getItem(nameKey(fileId));
  } catch {
    return null;
  }
}

export function forgetOpenProof(fileId: string) {
  try {
    sessionStorage.removeItem(key(fileId));
    sessionStorage.removeItem(nameKey(fileId));
  } catch {}
}
