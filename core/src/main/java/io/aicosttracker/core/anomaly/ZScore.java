package io.aicosttracker.core.anomaly;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * The z-score of one observation against its history: z = (x - mean) / stddev, with the sample
 * mean and standard deviation from commons-math3.
 *
 * @param expected mean of the history
 * @param stddev sample standard deviation of the history
 * @param score z; {@link #MAX_SCORE} when the history has no variation and x is above it
 */
public record ZScore(double observed, double expected, double stddev, double score, int points) {
  /** Cap for a flat history (stddev 0), which would otherwise give an infinite score. */
  public static final double MAX_SCORE = 1000;

  public static ZScore of(double observed, double[] history) {
    SummaryStatistics s = new SummaryStatistics();
    for (double v : history) s.addValue(v);
    double mean = s.getN() == 0 ? 0 : s.getMean();
    double sd = s.getN() < 2 ? 0 : s.getStandardDeviation();
    double excess = observed - mean;
    double z;
    if (sd > 1e-12) z = Math.min(MAX_SCORE, excess / sd);
    else z = excess > 1e-12 ? MAX_SCORE : 0;
    return new ZScore(observed, mean, sd, z, (int) s.getN());
  }

  /**
   * The score for a message: {@code z=4.2}, or {@code z>=1000} at the cap, where the history was
   * (nearly) flat and a number like 1000.0 would read as a measurement.
   */
  public String describe() {
    return isCapped(score) ? "z>=" + (long) MAX_SCORE : String.format(java.util.Locale.ROOT, "z=%.1f", score);
  }

  /** True for a score at the cap: a bound for a flat history, not a measurement. */
  public static boolean isCapped(double score) {
    return score >= MAX_SCORE;
  }

  /** Observed minus expected: the dollar impact of the anomaly. */
  public double excess() {
    return observed - expected;
  }
}
