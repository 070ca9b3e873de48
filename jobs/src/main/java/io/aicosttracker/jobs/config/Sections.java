package io.aicosttracker.jobs.config;

import java.time.Duration;
import java.util.Arrays;

/** Checks shared by the config sections; each failure names its key. */
final class Sections {
  private Sections() {}

  static void requireText(String key, String value) {
    if (value == null || value.isBlank()) throw new ConfigException(key + " must not be empty");
  }

  static void requireOneOf(String key, String value, String... allowed) {
    if (!Arrays.asList(allowed).contains(value)) {
      throw new ConfigException(key + " must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
    }
  }

  static void requirePositive(String key, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) throw new ConfigException(key + " must be a positive duration, got " + d);
  }

  static void requireNonNegative(String key, Duration d) {
    if (d == null || d.isNegative()) throw new ConfigException(key + " must be a duration >= 0, got " + d);
  }
}
