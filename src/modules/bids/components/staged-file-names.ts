// A staged file's name is sealed with it (decision 0005): the server cannot show it back
// before the opening. The browser that uploaded the file keeps the name it sent, for
// display only; another browser or device shows the part, type, size, time and commitment.
// Nothing here is needed to submit.
const key = (fileId: string) => `segel.bid.fileName.${fileId}`;

export function rememberFileName(fileId: string, fileName: string) {
  try {
    localStorage.setItem(key(fileId), fileName);
  } catch {
    // storage full or disabled: the list then shows the sealed-name description
  }
}

export function readFileName(fileId: string): string | null {
  try {
    return localStorage.getItem(key(fileId));
  } catch {
    return null;
  }
}

export function forgetFileName(fileId: string) {
  try {
    localStorage.removeItem(key(fileId));
  } catch {}
}
