package io.aicosttracker.connectors.notify.channels;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Parses an HTTP {@code Retry-After} header: delta-seconds (also fractional, as Discord sends) or an HTTP date. */
public final class RetryAfter {
  private RetryAfter() {}

  /** The wait the server asked for, or null when absent or unreadable. */
  public static Duration parse(String header) {
    if (header == null || header.isBlank()) return null;
    String h = header.trim();
    try {
      double seconds = Double.parseDouble(h);
      return seconds < 0 ? null : Duration.ofMillis(Math.round(seconds * 1000));
    } catch (NumberFormatException ignored) {
      // not a number: an HTTP date
    }
    try {
      Instant at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration d = Duration.between(Instant.now(), at);
      return d.isNegative() ? Duration.ZERO : d;
    } catch (RuntimeException e) {
      return null;
    }
  }
}
