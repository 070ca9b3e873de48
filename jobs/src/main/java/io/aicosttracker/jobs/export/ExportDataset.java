package io.aicosttracker.jobs.export;

import io.aicosttracker.jobs.alerts.AlertStage;
import io.aicosttracker.jobs.sinks.ForecastOutputs;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an export snapshot contains; the name is also the file-name prefix of its files. */
public enum ExportDataset {
  PRICED_EVENTS("priced-events", null),
  USAGE_HOURLY("usage-hourly", null),
  USAGE_DAILY("usage-daily", null),
  /** Alert events as {@code cost-tracker run} recorded them in {@code OUT/alerts/}. */
  ALERTS("alerts", AlertStage.ALERTS_DIR),
  /** Forecasts as {@code cost-tracker run --forecasts} recorded them in {@code OUT/forecasts/}. */
  FORECASTS("forecasts", ForecastOutputs.FORECASTS);

  private final String id;
  private final String recordDir;

  ExportDataset(String id, String recordDir) {
    this.id = id;
    this.recordDir = recordDir;
  }

  public String id() {
    return id;
  }

  /**
   * True if the export computes the dataset from usage-event files with the pipeline; false if it
   * reads back the JSON lines a run recorded (alerts, forecasts).
   */
  public boolean fromEvents() {
    return recordDir == null;
  }

  /** The sub-directory of a run's output directory that holds this dataset's JSON lines, or null. */
  public String recordDir() {
    return recordDir;
  }

  /** True if rows carry a cost that the summary and manifest total (events and aggregates). */
  public boolean hasCost() {
    return fromEvents();
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
