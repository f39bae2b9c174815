// A spreadsheet as CSV, written here rather than with a library: the bid comparison is the only
// export, a dozen lines cover RFC 4180, and the need page's chunk stays small. Import-free and
// DOM-free, so the small tests run it in Node (the download itself is in BidComparison).

/** Excel opens a UTF-8 file as the machine's code page unless it starts with a byte-order mark. */
const BOM = '\uFEFF';

/**
 * One cell: quoted when it holds a separator, a quote or a line break (quotes doubled), and a
 * leading `=`, `+`, `-` or `@` made text, so a supplier's note cannot run as a formula (CSV
 * injection). Numbers are passed as they should read, already formatted or plain.
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value == null ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to a CSV document (CRLF line ends, as Excel writes them), with the byte-order mark. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return BOM + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
