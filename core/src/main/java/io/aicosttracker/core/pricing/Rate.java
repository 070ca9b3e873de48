package io.aicosttracker.core.pricing;

/**
 * One unit price in USD (per million tokens or per thousand requests), flat or tiered.
 *
 * <p>Tiers follow upstream genai-prices "cliff" semantics: the price of the highest tier whose
 * {@code start} is strictly below the request's total input tokens applies to every unit of the
 * request (JS {@code engine.ts calcTieredPrice}: {@code totalInputTokens > tier.start}; Python
 * {@code calc_mtok_price}: {@code total_input_tokens > tier.start}).
 */
final class Rate {
  private static final long[] NO_STARTS = new long[0];
  private static final double[] NO_PRICES = new double[0];

  private final double base;
  private final long[] tierStarts; // ascending
  private final double[] tierPrices;

  private Rate(double base, long[] tierStarts, double[] tierPrices) {
    this.base = base;
    this.tierStarts = tierStarts;
    this.tierPrices = tierPrices;
  }

  static Rate flat(double price) {
    return new Rate(price, NO_STARTS, NO_PRICES);
  }

  /** Tiered rate; {@code starts} must be ascending (the parser sorts them). */
  static Rate tiered(double base, long[] starts, double[] prices) {
    return new Rate(base, starts, prices);
  }

  /** The price that applies to a request whose total input is {@code totalInputTokens}. */
  double at(long totalInputTokens) {
    // Scan from the top: the first (highest) tier strictly exceeded wins; no allocation.
    for (int i = tierStarts.length - 1; i >= 0; i--) {
      if (totalInputTokens > tierStarts[i]) {
        return tierPrices[i];
      }
    }
    return base;
  }
}
