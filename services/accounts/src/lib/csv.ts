/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, or starts or
 * ends with a space that a spreadsheet would otherwise drop.
 */
export function csvField(value: string): string {
  const needsQuotes = /[",\r\n]/.test(value) || value !== value.trim()
  return needsQuotes ? `"${value.replaceAll('"', '""')}"` : value
}

/** One CSV record, ended with CRLF as RFC 4180 and spreadsheets expect. */
export function csvLine(values: readonly string[]): string {
  return `${values.map(csvField).join(',')}\r\n`
}
