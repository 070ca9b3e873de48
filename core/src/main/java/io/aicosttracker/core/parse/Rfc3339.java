package io.aicosttracker.core.parse;

/**
 * Parses RFC 3339 timestamps with a mandatory offset ({@code Z} or {@code +hh:mm}) to epoch millis.
 *
 * <p>Hand-rolled because {@code Instant.parse}/{@code OffsetDateTime.parse} allocate a parser
 * context per call and were a measurable share of the per-event cost on the hot path. Fractions
 * beyond milliseconds are truncated. Leap second 60 is rejected, as {@code java.time} does.
 */
public final class Rfc3339 {
  private Rfc3339() {}

  /**
   * Formats epoch millis exactly as {@code Instant.ofEpochMilli(millis).toString()} does (UTC,
   * {@code Z}, fraction only when non-zero) for years 0000-9999, without its formatter's
   * allocations; other years fall back to {@code Instant}.
   */
  public static String formatMillis(long millis) {
    byte[] b = new byte[MAX_FORMATTED_LENGTH];
    int end = formatMillis(millis, b, 0);
    if (end < 0) return java.time.Instant.ofEpochMilli(millis).toString();
    return new String(b, 0, end, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /** Longest text {@link #formatMillis(long, byte[], int)} writes. */
  public static final int MAX_FORMATTED_LENGTH = 24;

  /**
   * Writes {@link #formatMillis(long)} as ASCII bytes into {@code out} from {@code at} and returns
   * where it ended, or -1 (nothing written) for years outside 0000-9999.
   */
  public static int formatMillis(long millis, byte[] out, int at) {
    long days = Math.floorDiv(millis, 86_400_000L);
    int msOfDay = (int) Math.floorMod(millis, 86_400_000L);
    java.time.LocalDate date = java.time.LocalDate.ofEpochDay(days);
    int year = date.getYear();
    if (year < 0 || year > 9999) return -1;
    put(out, at, year, 4);
    out[at + 4] = '-';
    put(out, at + 5, date.getMonthValue(), 2);
    out[at + 7] = '-';
    put(out, at + 8, date.getDayOfMonth(), 2);
    out[at + 10] = 'T';
    int secOfDay = msOfDay / 1000;
    put(out, at + 11, secOfDay / 3600, 2);
    out[at + 13] = ':';
    put(out, at + 14, secOfDay / 60 % 60, 2);
    out[at + 16] = ':';
    put(out, at + 17, secOfDay % 60, 2);
    int end = at + 19;
    int ms = msOfDay % 1000;
    if (ms != 0) {
      out[end] = '.';
      put(out, end + 1, ms, 3);
      end += 4;
    }
    out[end++] = 'Z';
    return end;
  }

  private static void put(byte[] b, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      b[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
  }

  /** Returns epoch millis, or throws {@link IllegalArgumentException} naming what is wrong. */
  public static long parseMillis(CharSequence s) {
    int n = s.length();
    if (n < 20) throw bad(s, "too short");
    int year = digits(s, 0, 4);
    expect(s, 4, '-');
    int month = digits(s, 5, 2);
    expect(s, 7, '-');
    int day = digits(s, 8, 2);
    char t = s.charAt(10);
    if (t != 'T' && t != 't' && t != ' ') throw bad(s, "expected 'T' between date and time");
    int hour = digits(s, 11, 2);
    expect(s, 13, ':');
    int minute = digits(s, 14, 2);
    expect(s, 16, ':');
    int second = digits(s, 17, 2);
    int i = 19;
    int millis = 0;
    if (i < n && s.charAt(i) == '.') {
      i++;
      int start = i;
      int scale = 100;
      while (i < n && isDigit(s.charAt(i))) {
        if (scale > 0) {
          millis += (s.charAt(i) - '0') * scale;
          scale /= 10;
        }
        i++;
      }
      if (i == start) throw bad(s, "empty fraction");
    }
    if (i >= n) throw bad(s, "missing offset (Z or +hh:mm)");
    int offsetSeconds;
    char o = s.charAt(i);
    if (o == 'Z' || o == 'z') {
      offsetSeconds = 0;
      i++;
    } else if (o == '+' || o == '-') {
      if (i + 6 != n) throw bad(s, "offset must be +hh:mm");
      int oh = digits(s, i + 1, 2);
      expect(s, i + 3, ':');
      int om = digits(s, i + 4, 2);
      if (oh > 23 || om > 59) throw bad(s, "offset out of range");
      offsetSeconds = (oh * 3600 + om * 60) * (o == '-' ? -1 : 1);
      i += 6;
    } else {
      throw bad(s, "missing offset (Z or +hh:mm)");
    }
    if (i != n) throw bad(s, "trailing characters");
    if (month < 1 || month > 12) throw bad(s, "month out of range");
    if (day < 1 || day > daysInMonth(year, month)) throw bad(s, "day out of range");
    if (hour > 23 || minute > 59 || second > 59) throw bad(s, "time out of range");
    long days = daysFromCivil(year, month, day);
    long secs = days * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
    return secs * 1000L + millis;
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
  static long daysFromCivil(int y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097L + doe - 719_468L;
  }

  private static int daysInMonth(int y, int m) {
    switch (m) {
      case 2:
        return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  private static int digits(CharSequence s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      if (i >= s.length() || !isDigit(s.charAt(i))) throw bad(s, "expected a digit at position " + i);
      v = v * 10 + (s.charAt(i) - '0');
    }
    return v;
  }

  private static void expect(CharSequence s, int at, char c) {
    if (at >= s.length() || s.charAt(at) != c) throw bad(s, "expected '" + c + "' at position " + at);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static IllegalArgumentException bad(CharSequence s, String why) {
    String shown = s.length() > 64 ? s.subSequence(0, 64) + "..." : s.toString();
    return new IllegalArgumentException("'" + shown + "' is not an RFC 3339 timestamp with offset: " + why);
  }
}
