package io.aicosttracker.core.forecast;

/** A way of forecasting a daily cost series; fitted on a history, it predicts the days after it. */
public interface ForecastModel {
  /** Short stable name recorded in each forecast (e.g. {@code ols_trend_dow}). */
  String name();

  /**
   * Fits the model on {@code history} (one value per day, gaps as zero).
   *
   * @param firstDayOfWeek day of week of {@code history[0]}, 0 = Monday
   * @return the fitted model, or null when this model does not apply to the series (e.g. a log
   *     scale with zero-cost days)
   */
  Fitted fit(double[] history, int firstDayOfWeek);

  /** A model fitted on one history. */
  interface Fitted {
    /** Expected cost of each of the next {@code days} days (may be negative before clamping). */
    double[] meanPath(int days);

    /** The expected total of the next {@code days} days and its 80 % and 95 % prediction intervals. */
    Prediction predict(int days);
  }

  /** Point and interval forecast of a horizon total. */
  record Prediction(double[] path, double total, double lower80, double upper80, double lower95, double upper95) {}
}
