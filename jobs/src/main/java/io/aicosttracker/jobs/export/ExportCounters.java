package io.aicosttracker.jobs.export;

/** Accumulator names of an export job; the manifest and the progress line read them. */
public final class ExportCounters {
  public static final String ROWS = "export-rows";
  public static final String COST_USD = "export-cost-usd";
  public static final String MIN_TIME = "export-min-row-time";
  public static final String MAX_TIME = "export-max-row-time";

  private ExportCounters() {}
}
