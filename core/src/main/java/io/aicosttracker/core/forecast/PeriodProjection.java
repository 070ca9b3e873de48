package io.aicosttracker.core.forecast;

/**
 * A budget period projected with a daily forecast path, in instants: the spend so far plus the
 * path's expected cost from {@code asOf} to the period end, and the moment cumulative spend is
 * expected to reach the budget.
 *
 * <p>Each path day is a UTC day and its cost is spread evenly over it, so a period in another
 * zone, or a projection from mid-day, takes the right share of the days at its ends. Days before
 * the path (a forecast a little older than {@code asOf} never has them, but the gap between an
 * origin and a late status can) are costed at the path's first day; days beyond it at the mean of
 * its last seven days ({@link #extrapolatedDays}).
 *
 * @param projectedSpendUsd spend so far plus the expected cost of the rest of the period
 * @param exhaustionTime when cumulative expected spend reaches the amount, epoch millis; null when
 *     not within the period or when the spend so far already reached it
 * @param extrapolatedDays period days (or parts of days) beyond the end of the path
 */
public record PeriodProjection(double projectedSpendUsd, Long exhaustionTime, int extrapolatedDays) {
  static final long DAY_MS = 86_400_000L;

  /**
   * @param pathStartMillis start (UTC midnight) of the day of {@code dailyPath[0]}
   * @param dailyPath expected cost per UTC day
   * @param asOf the moment the actual spend describes
   * @param periodStart period start, epoch millis (inclusive)
   * @param periodEnd period end, epoch millis (exclusive)
   * @param spentUsd actual spend of the period up to {@code asOf}
   */
  public static PeriodProjection at(
      long pathStartMillis, double[] dailyPath, long asOf, long periodStart, long periodEnd, double amountUsd, double spentUsd) {
    if (periodEnd <= periodStart) throw new IllegalArgumentException("budget period ends before it starts");
    if (dailyPath.length == 0) throw new IllegalArgumentException("empty forecast path");
    int tailDays = Math.min(7, dailyPath.length);
    double tail = 0;
    for (int i = dailyPath.length - tailDays; i < dailyPath.length; i++) tail += Math.max(0, dailyPath[i]);
    tail /= tailDays;

    boolean already = spentUsd >= amountUsd;
    double spend = spentUsd;
    Long exhausted = null;
    int extrapolated = 0;
    long from = Math.max(asOf, periodStart);
    long pathDay0 = Math.floorDiv(pathStartMillis, DAY_MS);
    for (long day = Math.floorDiv(from, DAY_MS); day * DAY_MS < periodEnd; day++) {
      long s = Math.max(from, day * DAY_MS);
      long e = Math.min(periodEnd, (day + 1) * DAY_MS);
      if (e <= s) continue;
      long i = day - pathDay0;
      double perDay;
      if (i < 0) {
        perDay = Math.max(0, dailyPath[0]);
      } else if (i < dailyPath.length) {
        perDay = Math.max(0, dailyPath[(int) i]);
      } else {
        perDay = tail;
        extrapolated++;
      }
      double rate = perDay / DAY_MS;
      double cost = rate * (e - s);
      if (!already && exhausted == null && spend + cost >= amountUsd && rate > 0) {
        exhausted = s + (long) Math.ceil((amountUsd - spend) / rate);
        if (exhausted > e) exhausted = e;
      }
      spend += cost;
    }
    return new PeriodProjection(spend, exhausted, extrapolated);
  }
}
