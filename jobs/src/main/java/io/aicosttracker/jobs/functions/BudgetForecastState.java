package io.aicosttracker.jobs.functions;

/**
 * The latest cost forecast of a budget's scope ({@code budget:ID}), kept in the budget function's
 * keyed state so that statuses and forecast alerts can project the period with it.
 */
public class BudgetForecastState {
  /** Start (UTC midnight) of the forecast's first day, epoch millis. */
  public long originMillis;
  public int horizonDays;
  /** {@code ok} or {@code insufficient_history}; without {@code ok} there is no path. */
  public String status;
  public String forecastModel;
  public double backtestMape = Double.NaN;
  /** Expected cost per UTC day from the origin. */
  public double[] dailyPathUsd = new double[0];

  public BudgetForecastState() {}

  public boolean usable() {
    return "ok".equals(status) && dailyPathUsd != null && dailyPathUsd.length > 0;
  }
}
