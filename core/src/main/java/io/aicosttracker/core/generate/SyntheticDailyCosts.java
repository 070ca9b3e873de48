package io.aicosttracker.core.generate;

import java.util.Random;

/**
 * Deterministic daily cost series with a known shape: a level growing linearly, a weekly pattern
 * that scales with the level, multiplicative log-normal noise and occasional one-day spikes.
 *
 * <p>For forecast tests and benchmarks, where the truth must be known and cheap to produce; the
 * event-level {@link SyntheticUsageGenerator} is the realistic end-to-end source.
 *
 * @param baseUsd expected weekday cost on day 0
 * @param growthOverPeriod relative growth of the level from day 0 to the last day (0.6 = +60 %)
 * @param weekendFactor Saturday/Sunday cost relative to a weekday
 * @param noise standard deviation of the log of the daily noise factor (0.1 = about 10 %)
 * @param spikeProbability chance that a day carries a spike
 * @param spikeFactor a spike adds up to this multiple of the day's expected cost
 */
public record SyntheticDailyCosts(
    double baseUsd, double growthOverPeriod, double weekendFactor, double noise, double spikeProbability, double spikeFactor) {

  /** The benchmark's default shape: +60 % growth, weekends at 45 %, 10 % noise, a spike every ~3 weeks. */
  public static SyntheticDailyCosts typical() {
    return new SyntheticDailyCosts(100, 0.6, 0.45, 0.10, 0.05, 1.5);
  }

  /**
   * Generates {@code days} values starting on a day of week {@code firstDayOfWeek} (0 = Monday).
   *
   * @param periodDays the period over which {@link #growthOverPeriod} applies (a longer series keeps growing)
   */
  public double[] generate(long seed, int days, int periodDays, int firstDayOfWeek) {
    Random r = new Random(seed);
    double[] y = new double[days];
    for (int t = 0; t < days; t++) {
      double level = baseUsd * (1 + growthOverPeriod * t / Math.max(1, periodDays - 1));
      int dow = Math.floorMod(firstDayOfWeek + t, 7);
      double expected = level * (dow >= 5 ? weekendFactor : 1.0);
      double v = expected * Math.exp(noise * r.nextGaussian() - noise * noise / 2);
      if (r.nextDouble() < spikeProbability) v += expected * spikeFactor * r.nextDouble();
      y[t] = v;
    }
    return y;
  }
}
