package io.aicosttracker.core.budget;

import java.io.Serializable;
import java.util.List;

/**
 * A spending limit: an amount in USD per period for the usage in a scope, with the percentages at
 * which to alert, whether to alert on the forecast, and the notification channels to use.
 *
 * @param thresholdsPercent ascending percentages of {@code amountUsd} (default 50, 80, 100)
 * @param forecastMinElapsed share of the period (0-1) that must have passed before a forecast
 *     alert, so the first hours of a period do not extrapolate from a handful of events
 * @param channels names of notification channels (resolved by the notification sink)
 */
public record Budget(
    String id,
    BudgetScope scope,
    double amountUsd,
    BudgetPeriod period,
    List<Integer> thresholdsPercent,
    boolean forecastAlerts,
    double forecastMinElapsed,
    List<String> channels)
    implements Serializable {
  public static final List<Integer> DEFAULT_THRESHOLDS = List.of(50, 80, 100);
  public static final double DEFAULT_FORECAST_MIN_ELAPSED = 0.2;

  public Budget {
    thresholdsPercent = List.copyOf(thresholdsPercent);
    channels = List.copyOf(channels);
  }

  /** A budget with the default thresholds, forecast alerts on and no channels. */
  public static Budget of(String id, BudgetScope scope, double amountUsd, BudgetPeriod period) {
    return new Budget(id, scope, amountUsd, period, DEFAULT_THRESHOLDS, true, DEFAULT_FORECAST_MIN_ELAPSED, List.of());
  }
}
