package io.aicosttracker.core.export;

import java.time.LocalDate;

/**
 * Fast, fixed-width ISO-8601 UTC text for epoch milliseconds: {@code 2026-09-01T13:04:05.123Z}.
 *
 * <p>Fixed width (always milliseconds) so every reader sees one format; formatting by hand because
 * exports render tens of millions of timestamps and {@code Instant.toString} dominated profiles.
 * Not thread-safe: one instance per writer.
 */
public final class UtcTimestamps {
  private static final long DAY_MILLIS = 86_400_000L;
  private long cachedDay = Long.MIN_VALUE;
  private final char[] buf = "0000-00-00T00:00:00.000Z".toCharArray();

  /** Formats {@code epochMillis} as {@code yyyy-MM-ddTHH:mm:ss.SSSZ}. */
  public String format(long epochMillis) {
    long day = Math.floorDiv(epochMillis, DAY_MILLIS);
    int ms = (int) Math.floorMod(epochMillis, DAY_MILLIS);
    if (day != cachedDay) {
      String date = LocalDate.ofEpochDay(day).toString();
      if (date.length() != 10) throw new IllegalArgumentException("timestamp out of the 4-digit-year range: " + epochMillis);
      date.getChars(0, 10, buf, 0);
      cachedDay = day;
    }
    int h = ms / 3_600_000;
    int m = ms / 60_000 % 60;
    int s = ms / 1000 % 60;
    int milli = ms % 1000;
    two(h, 11);
    two(m, 14);
    two(s, 17);
    buf[20] = (char) ('0' + milli / 100);
    buf[21] = (char) ('0' + milli / 10 % 10);
    buf[22] = (char) ('0' + milli % 10);
    return new String(buf);
  }

  /** The {@code yyyy-MM-dd} UTC date of {@code epochMillis} (the partition name). */
  public static String date(long epochMillis) {
    return LocalDate.ofEpochDay(Math.floorDiv(epochMillis, DAY_MILLIS)).toString();
  }

  private void two(int v, int at) {
    buf[at] = (char) ('0' + v / 10);
    buf[at + 1] = (char) ('0' + v % 10);
  }
}
