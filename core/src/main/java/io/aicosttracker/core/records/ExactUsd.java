package io.aicosttracker.core.records;

import java.math.BigDecimal;

/**
 * Dollar amounts as whole dollars plus atto-dollars (1e-18), so that a sum of costs is the same
 * whatever order its parts are added in.
 *
 * <p>Summing doubles is not associative: two runs over the same events, whose partial sums
 * reached a window in a different order, wrote daily totals that differed in the last digit
 * (506 of 2,302 daily rows of a run over 1 million events). Integers add exactly in any order.
 * Each cost is rounded to an atto-dollar once, which is far below any price (a token of the
 * cheapest model costs about 1e-8 dollars), and the exact sum is reported rounded to a
 * pico-dollar (1e-12), where the atto-dollar roundings of up to a million events cannot reach.
 */
public final class ExactUsd {
  /** Atto-dollars in a dollar. */
  public static final long ATTO = 1_000_000_000_000_000_000L;
  private static final long ATTO_PER_PICO = 1_000_000L;

  private ExactUsd() {}

  /** The whole dollars of {@code usd} (rounded down). */
  public static long whole(double usd) {
    return (long) Math.floor(usd);
  }

  /** The atto-dollars of {@code usd} above {@code whole(usd)}: 0 to {@link #ATTO} inclusive. */
  public static long atto(double usd, long whole) {
    return Math.round((usd - whole) * 1e18);
  }

  /**
   * The sum {@code whole + atto / 1e18} rounded to a pico-dollar, as the double nearest to that
   * decimal (so a sum of 12 costs of 1.5106666666666667E-5 prints as 1.8128E-4).
   */
  public static double toDouble(long whole, long atto) {
    long picos = Math.floorDiv(atto + ATTO_PER_PICO / 2, ATTO_PER_PICO);
    return BigDecimal.valueOf(whole).add(BigDecimal.valueOf(picos, 12)).doubleValue();
  }
}
