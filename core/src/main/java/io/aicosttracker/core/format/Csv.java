package io.aicosttracker.core.format;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV cells: quoting on output, and a splitter for one logical row on input.
 *
 * <p>Formula-injection neutralisation for spreadsheet exports lives with the export writers;
 * these helpers keep values exact so that machine readers round-trip them.
 */
public final class Csv {
  private Csv() {}

  /** Appends {@code value} quoted if it contains a comma, quote, CR or LF. Null is empty. */
  public static StringBuilder appendCell(StringBuilder b, String value) {
    if (value == null) return b;
    boolean quote = false;
    for (int i = 0; i < value.length() && !quote; i++) {
      char c = value.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) return b.append(value);
    b.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') b.append('"');
      b.append(c);
    }
    return b.append('"');
  }

  /**
   * Splits one CSV record (which may span lines inside quotes) into cells.
   *
   * @throws IllegalArgumentException on an unterminated quote or text after a closing quote
   */
  public static String[] split(String record) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int i = 0;
    int n = record.length();
    while (true) {
      if (i < n && record.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= n) throw new IllegalArgumentException("unterminated quoted CSV cell");
          char c = record.charAt(i++);
          if (c == '"') {
            if (i < n && record.charAt(i) == '"') {
              cell.append('"');
              i++;
            } else {
              break;
            }
          } else {
            cell.append(c);
          }
        }
        if (i < n && record.charAt(i) != ',') throw new IllegalArgumentException("text after a closing quote in a CSV cell");
      } else {
        while (i < n && record.charAt(i) != ',') cell.append(record.charAt(i++));
      }
      cells.add(cell.toString());
      cell.setLength(0);
      if (i >= n) break;
      i++; // the comma
    }
    return cells.toArray(new String[0]);
  }

  /** True if {@code text} ends inside an open quoted cell, i.e. the record continues on the next line. */
  public static boolean hasOpenQuote(CharSequence text) {
    boolean open = false;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '"') open = !open;
    }
    return open;
  }
}
