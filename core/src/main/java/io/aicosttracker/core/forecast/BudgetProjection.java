package io.aicosttracker.core.forecast;

import java.time.LocalDate;

/**
 * What a daily forecast path means for a budget period: the projected period spend and the day
 * the budget is expected to run out.
 *
 * <p>Plain dates and amounts, so it serves any budget model. The path's days are taken as the
 * budget's local dates (a daily path is per UTC day; for a budget in another zone this shifts
 * cost by at most the zone offset's share of a day at each end of the period).
 *
 * @param projectedSpendUsd spend so far plus the expected cost of the period's remaining days
 * @param exhaustionDate first day on which cumulative expected spend reaches the amount; null if
 *     not within the period
 * @param alreadyExhausted true when the spend so far already reaches the amount
 * @param extrapolatedDays period days beyond the end of the path, costed at the mean of its last
 *     seven days
 */
public record BudgetProjection(double projectedSpendUsd, LocalDate exhaustionDate, boolean alreadyExhausted, int extrapolatedDays) {

  /**
   * Projects a budget period.
   *
   * @param pathStart the date of {@code dailyPath[0]}; {@code spentSoFar} covers the period's days before it
   * @param dailyPath expected cost per day from {@code pathStart}
   * @param periodStart first day of the period (inclusive)
   * @param periodEnd last day of the period (inclusive)
   * @param amountUsd the budget
   * @param spentSoFarUsd actual spend of the period up to the day before {@code pathStart}
   */
  public static BudgetProjection project(
      LocalDate pathStart, double[] dailyPath, LocalDate periodStart, LocalDate periodEnd, double amountUsd, double spentSoFarUsd) {
    if (periodEnd.isBefore(periodStart)) throw new IllegalArgumentException("budget period ends before it starts");
    if (dailyPath.length == 0) throw new IllegalArgumentException("empty forecast path");
    double tail = 0;
    int tailDays = Math.min(7, dailyPath.length);
    for (int i = dailyPath.length - tailDays; i < dailyPath.length; i++) tail += Math.max(0, dailyPath[i]);
    tail /= tailDays;

    boolean already = spentSoFarUsd >= amountUsd;
    double spend = spentSoFarUsd;
    LocalDate exhausted = null;
    int extrapolated = 0;
    LocalDate from = pathStart.isAfter(periodStart) ? pathStart : periodStart;
    for (LocalDate d = from; !d.isAfter(periodEnd); d = d.plusDays(1)) {
      long i = d.toEpochDay() - pathStart.toEpochDay();
      double cost;
      if (i < dailyPath.length) {
        cost = Math.max(0, dailyPath[(int) i]);
      } else {
        cost = tail;
        extrapolated++;
      }
      spend += cost;
      if (!already && exhausted == null && spend >= amountUsd) exhausted = d;
    }
    return new BudgetProjection(spend, exhausted, already, extrapolated);
  }
}
