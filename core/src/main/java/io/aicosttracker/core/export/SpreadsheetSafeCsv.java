package io.aicosttracker.core.export;

/**
 * CSV text cells made safe for spreadsheets: a cell that begins with {@code =}, {@code +},
 * {@code -}, {@code @}, tab or carriage return gets a leading apostrophe, so Excel, LibreOffice
 * and Google Sheets show it as text instead of evaluating it as a formula (OWASP "CSV injection").
 *
 * <p>A cell that already begins with an apostrophe gets one more, so the rule is reversible: a
 * reader restores the exact value by dropping one leading apostrophe from any text cell that
 * starts with one ({@link #restore}). Only text cells are touched: numbers, including negative
 * ones, and timestamps are written as they are.
 */
public final class SpreadsheetSafeCsv {
  private SpreadsheetSafeCsv() {}

  /** True if a spreadsheet could treat {@code value} as a formula (or it starts with the escape). */
  public static boolean needsGuard(String value) {
    if (value.isEmpty()) return false;
    char c = value.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\'';
  }

  /** The value as it is written to a text cell (before RFC 4180 quoting). */
  public static String guard(String value) {
    return needsGuard(value) ? "'" + value : value;
  }

  /** The inverse of {@link #guard}: the original text of a cell read back from an export. */
  public static String restore(String cell) {
    return cell.startsWith("'") ? cell.substring(1) : cell;
  }

  /** Appends one RFC 4180 cell: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
  public static StringBuilder appendQuoted(StringBuilder b, String value) {
    return io.aicosttracker.core.format.Csv.appendCell(b, value);
  }
}
