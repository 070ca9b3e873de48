package io.aicosttracker.core.records;

/**
 * A budget's position in its current period at one moment of event time: spend so far, burn
 * rate and projected period spend. Emitted at least hourly; the {@code budget_status} table and
 * files take the latest per (budget, period).
 */
public class BudgetStatus {
  public String budgetId;
  public String scope;
  public double amountUsd;
  /** Period [start, end), epoch millis. */
  public long periodStart;
  public long periodEnd;
  /** The local date the period starts on, in the budget's zone, e.g. {@code 2026-03-01}. */
  public String periodLabel;
  public String timeZone;
  /** Event time this status describes, epoch millis. */
  public long asOf;
  public double spendUsd;
  public double percentUsed;
  public double burnRateUsdPerHour;
  public double projectedSpendUsd;
  /** Projected time the budget runs out at the current burn rate, or null if not in this period. */
  public Long projectedExhaustion;
  /** {@code OK}, {@code WARN} or {@code ALERT}. */
  public String state;
  public long events;

  public BudgetStatus() {}

  @Override
  public String toString() {
    return "BudgetStatus{" + budgetId + " " + periodLabel + " asOf=" + asOf + " spend=" + spendUsd + " state=" + state + "}";
  }
}
