package io.aicosttracker.core.forecast;

import java.time.LocalDate;
import java.util.Map;

/**
 * Cost per UTC day from {@link #start()}, one value per day; days without usage are zero.
 *
 * @param start the first day (the scope's first day with usage)
 * @param values cost per day, consecutive
 */
public record DailySeries(LocalDate start, double[] values) {
  /** The day after the last value: where a forecast from this history starts. */
  public LocalDate end() {
    return start.plusDays(values.length);
  }

  /** Day of week of the first value, 0 = Monday. */
  public int firstDayOfWeek() {
    return start.getDayOfWeek().getValue() - 1;
  }

  public int length() {
    return values.length;
  }

  /**
   * The series of {@code costByDay} from its earliest day up to (not including) {@code origin},
   * with missing days as zero and at most {@code maxDays} of the latest days; null if no day
   * before {@code origin} has usage.
   */
  public static DailySeries upTo(Map<LocalDate, Double> costByDay, LocalDate origin, int maxDays) {
    LocalDate first = null;
    for (LocalDate d : costByDay.keySet()) {
      if (d.isBefore(origin) && (first == null || d.isBefore(first))) first = d;
    }
    if (first == null) return null;
    LocalDate cap = origin.minusDays(maxDays);
    if (first.isBefore(cap)) first = cap;
    int n = (int) (origin.toEpochDay() - first.toEpochDay());
    double[] v = new double[n];
    for (Map.Entry<LocalDate, Double> e : costByDay.entrySet()) {
      long i = e.getKey().toEpochDay() - first.toEpochDay();
      if (i >= 0 && i < n) v[(int) i] += e.getValue();
    }
    return new DailySeries(first, v);
  }
}
