package io.aicosttracker.core.pricing;

/**
 * The conditional prices of one model: which {@link PriceSet} applies at an event time.
 *
 * <p>Mirrors upstream {@code getActiveModelPrice} (JS {@code engine.ts}) and
 * {@code ModelInfo.get_prices} (Python): entries are tried LAST to first and the first active one
 * wins; an entry without constraint is always active; if none is active the first entry applies.
 * With the catalog's layout (unconstrained entry first, start dates ascending) this picks the
 * latest {@code start_date <= event time}, and the unconstrained price before the first one.
 * <ul>
 *   <li>{@code start_date}: active from 00:00 UTC of that date on (inclusive).</li>
 *   <li>{@code time_of_date}: active while the event's UTC time of day is in
 *       [{@code start_time}, {@code end_time}); a window with end &lt; start wraps midnight.
 *       Listed after the date entries (deepseek peak hours), such windows win while open.</li>
 *   <li>any other constraint type is treated as never active (a newer upstream file then falls
 *       back to its other prices instead of failing to load).</li>
 * </ul>
 */
final class PriceSchedule {
  static final byte ALWAYS = 0;
  static final byte FROM_DATE = 1;
  static final byte TIME_OF_DAY = 2;
  static final byte NEVER = 3;

  private static final long MILLIS_PER_DAY = 86_400_000L;

  private final byte[] kinds;
  private final long[] from; // epoch millis (FROM_DATE) or millis of day (TIME_OF_DAY)
  private final long[] until; // millis of day, exclusive (TIME_OF_DAY)
  private final PriceSet[] prices;

  PriceSchedule(byte[] kinds, long[] from, long[] until, PriceSet[] prices) {
    this.kinds = kinds;
    this.from = from;
    this.until = until;
    this.prices = prices;
  }

  /** A schedule with a single always-valid price set. */
  static PriceSchedule fixed(PriceSet prices) {
    return new PriceSchedule(new byte[] {ALWAYS}, new long[1], new long[1],
        new PriceSet[] {prices});
  }

  /** The price set that applies at {@code eventTimeEpochMillis}; never null. */
  PriceSet at(long eventTimeEpochMillis) {
    long timeOfDay = Math.floorMod(eventTimeEpochMillis, MILLIS_PER_DAY);
    for (int i = kinds.length - 1; i >= 0; i--) {
      if (active(i, eventTimeEpochMillis, timeOfDay)) {
        return prices[i];
      }
    }
    return prices[0];
  }

  private boolean active(int i, long eventMillis, long timeOfDay) {
    switch (kinds[i]) {
      case ALWAYS:
        return true;
      case FROM_DATE:
        return eventMillis >= from[i];
      case TIME_OF_DAY:
        return from[i] <= until[i]
            ? timeOfDay >= from[i] && timeOfDay < until[i]
            : timeOfDay >= from[i] || timeOfDay < until[i];
      default:
        return false;
    }
  }
}
