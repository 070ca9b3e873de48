package io.aicosttracker.jobs.config;

import io.aicosttracker.jobs.functions.AnomalyOptions;
import java.nio.file.Path;
import java.time.Duration;

/** {@code alerts.*}: the alert stage (budgets, cost anomalies, unpriced usage). */
public final class AlertSection {
  public boolean enabled = true;
  /** Budgets file (YAML or JSON); budgets may also be given inline as a top-level {@code budgets:} list. */
  public Path budgetsFile;
  /** Notification channels and routes (YAML or JSON); or inline as a top-level {@code notifications:} section. */
  public Path notificationsFile;
  /** Alerts older than this (event time vs now: a backfill) are recorded but not sent. */
  public Duration notifyMaxAge = Duration.ofHours(24);
  public boolean anomalies = true;
  public String anomalyGranularity = "hour";
  public Integer anomalyPoints;
  public double anomalyZ = 3.0;
  public double anomalyMinUsd = 1.0;
  public Duration anomalyMinHistory = Duration.ofDays(14);
  public boolean anomalyIncludeManual = false;

  void validate() {
    Sections.requireOneOf("alerts.anomaly-granularity", anomalyGranularity, "hour", "day");
    Sections.requireNonNegative("alerts.anomaly-min-history", anomalyMinHistory);
    Sections.requirePositive("alerts.notify-max-age", notifyMaxAge);
    if (anomalies) {
      try {
        anomalyOptions();
      } catch (IllegalArgumentException e) {
        throw new ConfigException("alerts: " + e.getMessage());
      }
    }
  }

  /** The anomaly detector's options, or null when anomalies are off. */
  public AnomalyOptions anomalyOptions() {
    if (!anomalies) return null;
    AnomalyOptions o = anomalyGranularity.equals("day") ? AnomalyOptions.daily() : AnomalyOptions.hourly();
    if (anomalyPoints != null) o.points = anomalyPoints;
    o.zThreshold = anomalyZ;
    o.dollarFloor = anomalyMinUsd;
    o.minHistory = anomalyMinHistory;
    o.includeManual = anomalyIncludeManual;
    return o.validate();
  }
}
