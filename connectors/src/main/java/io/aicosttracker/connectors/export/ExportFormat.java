package io.aicosttracker.connectors.export;

import java.util.Locale;

/** The file formats an export writes, with the file extension each uses. */
public enum ExportFormat {
  CSV("csv"),
  JSONL("jsonl"),
  PARQUET("parquet");

  private final String extension;

  ExportFormat(String extension) {
    this.extension = extension;
  }

  /** The extension without the dot, also the name used on the command line. */
  public String extension() {
    return extension;
  }

  /** Parses a command-line name ({@code csv}, {@code jsonl}, {@code parquet}). */
  public static ExportFormat parse(String name) {
    for (ExportFormat f : values()) {
      if (f.extension.equals(name.toLowerCase(Locale.ROOT))) return f;
    }
    throw new IllegalArgumentException("unknown format '" + name + "' (expected csv, jsonl or parquet)");
  }
}
