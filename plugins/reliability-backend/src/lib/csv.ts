/**
 * CSV writing (RFC 4180): fields with a comma, quote or line break are quoted, quotes doubled.
 * Text that a spreadsheet would run as a formula is prefixed with an apostrophe, as OWASP
 * recommends against CSV injection: titles come from catalog files anyone can edit. A formula
 * is recognised behind leading whitespace and separators (`;` and `,` split cells in some
 * locales, `|` in some importers), and by the look-alike characters spreadsheets also accept:
 * full-width and small `＝＋－＠` and the minus sign.
 */
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START =
  /^[\s;,|]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B\u2212]/u;
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
