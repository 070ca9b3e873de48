package io.aicosttracker.jobs.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an export snapshot contains; the name is also the file-name prefix of its files. */
public enum ExportDataset {
  PRICED_EVENTS("priced-events", true),
  USAGE_HOURLY("usage-hourly", true),
  USAGE_DAILY("usage-daily", true),
  /** Alert events: produced by the alerting stage, which is not part of this build yet. */
  ALERTS("alerts", false),
  /** Forecasts: produced by the forecasting stage, which is not part of this build yet. */
  FORECASTS("forecasts", false);

  private final String id;
  private final boolean available;

  ExportDataset(String id, boolean available) {
    this.id = id;
    this.available = available;
  }

  public String id() {
    return id;
  }

  /** False for datasets whose producing stage has not landed; exporting them is refused clearly. */
  public boolean available() {
    return available;
  }

  /** Parses a command-line name, or throws a one-line reason. */
  public static ExportDataset parse(String name) {
    for (ExportDataset d : values()) {
      if (d.id.equals(name.toLowerCase(Locale.ROOT))) return d;
    }
    String known = Arrays.stream(values()).map(ExportDataset::id).collect(Collectors.joining(", "));
    throw new IllegalArgumentException("unknown dataset '" + name + "' (expected one of: " + known + ")");
  }
}
