package io.aicosttracker.core.budget;

/**
 * Burn-rate arithmetic of one budget period: spend so far over elapsed time, extrapolated to the
 * whole period.
 *
 * @param spendUsd spend in the period so far
 * @param elapsedMillis time from the period start to the observation (event time)
 * @param lengthMillis the period's length (23 to 25 hours for a day across a DST change)
 */
public record BurnRate(double spendUsd, long elapsedMillis, long lengthMillis) {
  private static final double HOUR = 3_600_000.0;

  /** USD per hour; 0 before any time has passed. */
  public double usdPerHour() {
    return elapsedMillis <= 0 ? 0 : spendUsd / (elapsedMillis / HOUR);
  }

  /** Spend + burn rate x remaining time (= spend / elapsed share). */
  public double projectedSpend() {
    if (elapsedMillis <= 0) return spendUsd;
    long remaining = Math.max(0, lengthMillis - elapsedMillis);
    return spendUsd + spendUsd / elapsedMillis * remaining;
  }

  public double elapsedShare() {
    return lengthMillis <= 0 ? 1 : Math.min(1.0, Math.max(0.0, (double) elapsedMillis / lengthMillis));
  }

  /**
   * Millis after the period start at which spend reaches {@code amountUsd} at this rate, or -1 if
   * it never does (no spend yet).
   */
  public long millisToExhaustion(double amountUsd) {
    if (spendUsd <= 0 || elapsedMillis <= 0) return -1;
    if (spendUsd >= amountUsd) return elapsedMillis;
    return (long) Math.ceil(amountUsd / spendUsd * elapsedMillis);
  }
}
