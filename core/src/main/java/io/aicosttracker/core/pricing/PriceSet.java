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
    return usd;
  }
}
