package io.aicosttracker.core.forecast;

/**
 * The cost forecast of one scope over one horizon: expected total, 80 % and 95 % prediction
 * intervals, the daily path, and how well the chosen model did in its back-test.
 *
 * <p>Mutable POJO with public fields so that Flink serializes it without Kryo. Absent numbers
 * (an {@link #INSUFFICIENT_HISTORY} result, or no back-test possible) are {@code NaN}.
 */
public class Forecast {
  public static final String OK = "ok";
  public static final String INSUFFICIENT_HISTORY = "insufficient_history";

  /** {@code all}, {@code project:NAME} or {@code model:PROVIDER/MODEL}. */
  public String scope;
  /** {@link #OK} or {@link #INSUFFICIENT_HISTORY}. */
  public String status;
  /** The forecasting model used, e.g. {@code ols_trend_dow}; null without a forecast. */
  public String forecastModel;
  /** First forecast day (UTC, ISO date); the history ends the day before. */
  public String originDate;
  /** Days of history the model saw (from the scope's first day with usage, gaps as zero). */
  public int historyDays;
  public int horizonDays;
  public double expectedTotalUsd = Double.NaN;
  public double lower80Usd = Double.NaN;
  public double upper80Usd = Double.NaN;
  public double lower95Usd = Double.NaN;
  public double upper95Usd = Double.NaN;
  /** Expected cost per day from {@link #originDate}, {@link #horizonDays} values. */
  public double[] dailyPathUsd = new double[0];
  /** Mean absolute percentage error of the horizon total in the rolling-origin back-test (0.05 = 5 %). */
  public double backtestMape = Double.NaN;
  /** Horizon the back-test could evaluate (shorter than the forecast horizon when history is short). */
  public int backtestHorizonDays;
  public int backtestFolds;
  /**
   * Factor (>= 1) by which the model's interval distances were widened to fit its back-test
   * errors ({@link IntervalCalibration}); 1 when there was no back-test or nothing to widen.
   */
  public double intervalScale = 1;
  /** When the forecast was computed, epoch millis. */
  public long generatedAt;

  public Forecast() {}

  public boolean isOk() {
    return OK.equals(status);
  }

  @Override
  public String toString() {
    return scope + " " + horizonDays + "d " + status + " " + forecastModel + " expected=" + expectedTotalUsd
        + " 95%=[" + lower95Usd + ", " + upper95Usd + "] mape=" + backtestMape;
  }
}
