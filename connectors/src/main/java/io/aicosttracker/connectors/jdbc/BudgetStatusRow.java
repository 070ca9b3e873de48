package io.aicosttracker.connectors.jdbc;

/** One row of {@code budget_status}: a budget period's spend and projection as of an event time. */
public class BudgetStatusRow {
  public String budgetId;
  /** Period bounds and status time, epoch millis UTC. */
  public long periodStart;
  public long periodEnd;
  public long asOf;
  public double spendUsd;
  public double amountUsd;
  public Double percentUsed;
  public Double burnRateUsdPerHour;
  public Double projectedSpendUsd;
  /** Projected exhaustion, epoch millis, or null. */
  public Long exhaustionTime;
  /** Period spend projected with the budget scope's cost forecast, or null without one. */
  public Double forecastProjectedSpendUsd;
  /** When that forecast expects the budget to run out, epoch millis, or null. */
  public Long forecastExhaustionTime;
  public String forecastModel;
  /** OK, WARN, ALERT or RESOLVED. */
  public String state = "OK";

  public BudgetStatusRow() {}
}
