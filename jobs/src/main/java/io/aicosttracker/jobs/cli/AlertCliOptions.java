package io.aicosttracker.jobs.cli;

import io.aicosttracker.core.budget.Budget;
import io.aicosttracker.core.budget.BudgetConfigLoader;
import io.aicosttracker.jobs.alerts.AlertStage;
import io.aicosttracker.jobs.functions.AnomalyOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** Command-line options of the alert stage (budgets and anomaly detection), mixed into {@code run}. */
public final class AlertCliOptions {
  @Option(names = "--budgets", description = "Budgets file (YAML or JSON); writes alerts/ and budget-status/.")
  Path budgets;

  @Option(names = "--no-alerts", description = "Skip anomaly and unpriced-usage alerts (and budgets).")
  boolean noAlerts;

  @Option(names = "--no-anomalies", description = "Skip the cost-anomaly detector.")
  boolean noAnomalies;

  @Option(names = "--anomaly-granularity", defaultValue = "hour", description = "hour or day (default ${DEFAULT-VALUE}).")
  String granularity;

  @Option(names = "--anomaly-points", description = "History points for mean and stddev (default 168 hourly, 28 daily).")
  Integer points;

  @Option(names = "--anomaly-z", defaultValue = "3", description = "z-score threshold (default ${DEFAULT-VALUE}).")
  double z;

  @Option(names = "--anomaly-min-usd", defaultValue = "1", description = "Minimum excess over the expected cost, USD (default ${DEFAULT-VALUE}).")
  double minUsd;

  @Option(names = "--anomaly-min-history-days", defaultValue = "14", description = "No anomaly alerts before a series is this old (default ${DEFAULT-VALUE}).")
  int minHistoryDays;

  @Option(names = "--anomaly-include-manual", description = "Count manual entries (source=manual) in anomaly series.")
  boolean includeManual;

  /** The alert stage these options describe, or null with {@code --no-alerts}. Validates first. */
  AlertStage stage(Duration retention, Path outDir) {
    if (noAlerts) {
      if (budgets != null) throw new IllegalArgumentException("--budgets and --no-alerts exclude each other");
      return null;
    }
    List<Budget> list = budgets == null ? List.of() : BudgetConfigLoader.load(budgets);
    return new AlertStage(list, noAnomalies ? null : anomalyOptions(), retention).writeFilesTo(outDir);
  }

  /** Each budget's own notification channels, by budget id (empty without --budgets). */
  java.util.Map<String, List<String>> budgetChannels() {
    if (budgets == null) return java.util.Map.of();
    return io.aicosttracker.jobs.CostTrackerJob.budgetChannels(BudgetConfigLoader.load(budgets));
  }

  AnomalyOptions anomalyOptions() {
    AnomalyOptions o;
    switch (granularity.toLowerCase(java.util.Locale.ROOT)) {
      case "hour", "hourly" -> o = AnomalyOptions.hourly();
      case "day", "daily" -> o = AnomalyOptions.daily();
      default -> throw new IllegalArgumentException("--anomaly-granularity must be hour or day, was '" + granularity + "'");
    }
    if (points != null) o.points = points;
    o.zThreshold = z;
    o.includeManual = includeManual;
    o.dollarFloor = minUsd;
    if (minHistoryDays < 0) throw new IllegalArgumentException("--anomaly-min-history-days must be >= 0");
    o.minHistory = Duration.ofDays(minHistoryDays);
    try {
      return o.validate();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("anomaly options: " + e.getMessage());
    }
  }
}
