package io.aicosttracker.core.records;

/**
 * An alert the jobs emit and the notification sink, the {@code alerts} table and the
 * {@code cost-alerts} topic consume.
 *
 * <p>{@link #alertId} is deterministic (kind, budget or series key, period, threshold) so the
 * same alert emitted twice, by a replay or a restart, is recognisably the same alert. Optional
 * numbers are boxed and null when they do not apply to the kind. Mutable Flink POJO.
 */
public class AlertEvent {
  public static final String BUDGET_THRESHOLD = "BUDGET_THRESHOLD";
  public static final String BUDGET_FORECAST = "BUDGET_FORECAST";
  public static final String COST_ANOMALY = "COST_ANOMALY";
  public static final String UNPRICED_USAGE = "UNPRICED_USAGE";
  public static final String SYSTEM = "SYSTEM";

  public static final String SEVERITY_INFO = "info";
  public static final String SEVERITY_WARNING = "warning";
  public static final String SEVERITY_CRITICAL = "critical";

  public String alertId;
  public String kind;
  public String severity;
  /** {@code ALERT} when raised, {@code RESOLVED} when the condition cleared. */
  public String state = "ALERT";

  public String budgetId;
  /** Human-readable scope, e.g. {@code project=search} or {@code all}. */
  public String scope;
  public String project;
  public String team;
  public String provider;
  public String model;

  /** Budget period or anomaly window, epoch millis UTC; 0 when not applicable. */
  public long periodStart;
  public long periodEnd;

  public Double observedValue;
  public Double thresholdValue;
  public Double expectedValue;
  public Double percentUsed;
  public Double projectedSpend;
  /** Projected budget exhaustion, epoch millis, or null. */
  public Long exhaustionTime;
  public Double score;
  public Double dollarImpact;
  /** Top contributing dimensions as a JSON array string, or null. */
  public String topContributorsJson;

  public String message;
  /** Event time that triggered the alert, epoch millis. */
  public long eventTime;
  /** Link for the reader (Grafana URL from the configured template), or null. */
  public String link;

  public AlertEvent() {}

  @Override
  public String toString() {
    return "AlertEvent{" + alertId + " " + kind + " " + severity + " " + scope + ": " + message + "}";
  }
}
