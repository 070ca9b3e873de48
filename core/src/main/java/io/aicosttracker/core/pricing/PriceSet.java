package io.aicosttracker.core.pricing;

/**
 * The prices of one model for one period, reduced to the units our events carry.
 *
 * <p>Other units of the catalog (audio, images, web searches, ...) are not in our events and are
 * dropped at parse time. A {@code null} rate means the catalog gives no price for that unit.
 */
final class PriceSet {
  private static final double PER_MILLION = 1_000_000d;
  private static final double PER_THOUSAND = 1_000d;
  private static final double PICOS_PER_USD = 1e12;
  /** 2^53: below it every whole number of pico-dollars is an exact double. */
  private static final double EXACT_PICOS = 9_007_199_254_740_992d;

  private final Rate input;
  private final Rate cacheRead;
  private final Rate cacheWrite;
  private final Rate output;
  private final Rate requestsK;

  PriceSet(Rate input, Rate cacheRead, Rate cacheWrite, Rate output, Rate requestsK) {
    this.input = input;
    this.cacheRead = cacheRead;
    this.cacheWrite = cacheWrite;
    this.output = output;
    this.requestsK = requestsK;
  }

  /**
   * Cost in USD of one event, mirroring upstream {@code calcPrice} (JS {@code engine.ts}).
   *
   * <p>{@code inputTokens} is the total input including cache reads and writes. When the model has
   * no {@code cache_read_mtok} (or {@code cache_write_mtok}) those tokens are NOT split out, so they
   * stay in the uncached input and are charged at {@code input_mtok}, exactly as upstream does
   * ({@code pricedCacheReadTokens = 0} when the price is undefined). Upstream throws when the
   * uncached part goes negative; a streaming job must not die on one bad event, so it is clamped
   * to 0 here.
   */
  double cost(long inputTokens, long cacheReadTokens, long cacheWriteTokens, long outputTokens,
      long requests) {
    long total = inputTokens;
    long cachedRead = cacheRead == null ? 0 : cacheReadTokens;
    long cachedWrite = cacheWrite == null ? 0 : cacheWriteTokens;
    double perMillion = 0;
    if (input != null) {
      perMillion += input.at(total) * Math.max(0, total - cachedRead - cachedWrite);
    }
    if (cacheRead != null) {
      perMillion += cacheRead.at(total) * cachedRead;
    }
    if (cacheWrite != null) {
      perMillion += cacheWrite.at(total) * cachedWrite;
    }
    if (output != null) {
      perMillion += output.at(total) * outputTokens;
    }
    double usd = perMillion / PER_MILLION;
    if (requestsK != null) {
      usd += requestsK.at(total) * requests / PER_THOUSAND;
    }
    return toPicoUsd(usd);
  }

  /**
   * {@code usd} rounded to 12 decimals, as the double nearest to that decimal.
   *
   * <p>Catalog prices have at most 6 decimals per million tokens (per thousand requests), so an
   * event's exact cost has at most 12 decimals, and rounding there removes only the binary
   * floating-point noise of the sum: 0.014559049999999999 becomes 0.01455905, as a reader of the
   * priced events expects. A whole number of pico-dollars divided by 1e12 is correctly rounded
   * because both operands are exact doubles, which holds below 2^53 pico-dollars ($9,007 per
   * event); above that the double has no digits at 1e-12 to clean.
   */
  static double toPicoUsd(double usd) {
    double picos = usd * PICOS_PER_USD;
    if (!(Math.abs(picos) < EXACT_PICOS)) return usd;
    return Math.rint(picos) / PICOS_PER_USD;
  }
}
