package io.aicosttracker.jobs.functions;

/** Keyed state of one anomaly series: its start, progress, and alert level with cooldown. */
public class AnomalySeriesState {
  /** First window seen, epoch millis (history counts from here). */
  public long firstStart = Long.MAX_VALUE;
  /** Last window evaluated; windows up to here only update history when corrected. */
  public long lastEvaluated = Long.MIN_VALUE;
  /** True while an anomaly is open (ALERT); false when OK or RESOLVED. */
  public boolean alerting;
  /** Window of the last ALERT, for the cooldown and the RESOLVED id. */
  public long lastAlertStart = Long.MIN_VALUE;

  public AnomalySeriesState() {}
}
