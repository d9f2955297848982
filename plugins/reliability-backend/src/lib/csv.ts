/**
 * CSV writing (RFC 4180): fields with a comma, quote or line break are quoted, quotes doubled.
 * Text that a spreadsheet would run as a formula (leading `=`, `+`, `-`, `@`, tab or carriage
 * return) is prefixed with an apostrophe, as OWASP recommends against CSV injection: titles come
 * from catalog files anyone can edit.
 */
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? String(value) : '';
  }
  if (typeof value === 'boolean') {
    return value ? 'true' : 'false';
  }
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) || text !== text.trim()
    ? `"${text.replace(/"/g, '""')}"`
    : text;
}

/** One line, terminated by CRLF as RFC 4180 says. */
export function csvLine(values: CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
