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
  /**
   * Period spend projected with the daily cost forecast of the budget's scope (spend so far plus
   * the forecast's expected cost of the rest of the period); null without a usable forecast
   * (fewer than 14 days of history, or forecasts not running).
   */
  public Double forecastProjectedSpendUsd;
  /** When the forecast expects the budget to run out, or null if not in this period (or no forecast). */
  public Long forecastExhaustion;
  /** The forecasting model behind {@link #forecastProjectedSpendUsd}, e.g. {@code ols_trend_dow}. */
  public String forecastModel;
  /** First day (UTC) of that forecast, ISO date. */
  public String forecastOrigin;
  /** {@code OK}, {@code WARN} or {@code ALERT}. */
  public String state;
  public long events;

  public BudgetStatus() {}

  @Override
  public String toString() {
    return "BudgetStatus{" + budgetId + " " + periodLabel + " asOf=" + asOf + " spend=" + spendUsd + " state=" + state + "}";
  }
}
