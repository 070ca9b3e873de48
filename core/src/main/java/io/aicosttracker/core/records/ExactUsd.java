package io.aicosttracker.core.records;

import java.math.BigDecimal;

/**
 * A dollar sum kept as whole dollars plus atto-dollars (1e-18), so that it is the same whatever
 * order its parts are added in.
 *
 * <p>Summing doubles is not associative: two runs over the same events, whose partial sums
 * reached a window in a different order, wrote daily totals that differed in the last digit
 * (506 of 2,302 daily rows of a run over 1 million events). Integers add exactly in any order.
 * Each cost is rounded to an atto-dollar once, which is far below any price (a token of the
 * cheapest model costs about 1e-8 dollars), and the exact sum is reported rounded to a
 * pico-dollar (1e-12), where the atto-dollar roundings of up to a million events cannot reach.
 *
 * <p>A Flink POJO, so it can live in state inside the records that carry a sum.
 */
public class ExactUsd {
  /** Atto-dollars in a dollar. */
  public static final long ATTO = 1_000_000_000_000_000_000L;
  private static final long ATTO_PER_PICO = 1_000_000L;
  private static final long PICOS_PER_USD = 1_000_000_000_000L;
  /** Below this many whole dollars a sum in pico-dollars is an exact double (2^53 picos). */
  private static final long EXACT_DOUBLE_WHOLE_USD = 9_000;

  /** Whole dollars (rounded down). */
  public long whole;
  /** Atto-dollars above {@link #whole}, in [0, 1e18). */
  public long atto;

  public ExactUsd() {}

  /** Adds {@code usd}, rounded to an atto-dollar. */
  public void add(double usd) {
    long w = (long) Math.floor(usd);
    addParts(w, Math.round((usd - w) * 1e18));
  }

  /** Adds another exact sum. */
  public void add(ExactUsd other) {
    addParts(other.whole, other.atto);
  }

  public boolean isZero() {
    return whole == 0 && atto == 0;
  }

  /**
   * Starts from {@code runningSum} when nothing was added exactly yet: state restored from a
   * savepoint taken before the exact sums existed, or a value read back as a double.
   */
  public void seedFrom(double runningSum) {
    if (isZero() && runningSum != 0) add(runningSum);
  }

  /**
   * The sum rounded to a pico-dollar, as the double nearest to that decimal (so a sum of 12 costs
   * of 1.5106666666666667E-5 is 1.8128E-4).
   */
  public double toDouble() {
    long picos = Math.floorDiv(atto + ATTO_PER_PICO / 2, ATTO_PER_PICO);
    if (Math.abs(whole) < EXACT_DOUBLE_WHOLE_USD) {
      // both operands are exact doubles, so the quotient is the correctly rounded decimal
      return (double) (whole * PICOS_PER_USD + picos) / PICOS_PER_USD;
    }
    return BigDecimal.valueOf(whole).add(BigDecimal.valueOf(picos, 12)).doubleValue();
  }

  private void addParts(long w, long a) {
    whole += w;
    atto += a;
    if (atto >= ATTO) {
      atto -= ATTO;
      whole++;
    }
  }

  @Override
  public String toString() {
    return Double.toString(toDouble());
  }
}
