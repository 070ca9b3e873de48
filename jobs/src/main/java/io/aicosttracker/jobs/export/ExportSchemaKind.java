package io.aicosttracker.jobs.export;

import java.util.Locale;

/** Column set of an export: the job's own snake_case columns, or FOCUS-shaped ones. */
public enum ExportSchemaKind {
  NATIVE,
  FOCUS;

  public static ExportSchemaKind parse(String name) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown schema '" + name + "' (expected native or focus)");
    }
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
