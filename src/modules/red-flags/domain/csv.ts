/**
 * One CSV line (RFC 4180): every cell quoted, quotes doubled. A cell that a spreadsheet
 * would run as a formula (=, +, -, @, tab, carriage return first) gets a leading apostrophe:
 * paket names are typed by people (OWASP, CSV injection).
 */
export function csvLine(cells: readonly (string | number | null)[]): string {
  return cells
    .map((cell) => {
      const text = cell === null ? "" : String(cell);
      const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
      return `"${safe.replace(/"/g, '""')}"`;
    })
    .join(",");
}
