package io.aicosttracker.core.budget;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * How a budget's period repeats: daily, weekly from a reset weekday, or monthly from a reset day,
 * always at local midnight in an IANA time zone.
 *
 * <p>Boundaries are computed with {@code java.time} from the local date, so a period that spans a
 * daylight-saving change is 23 or 25 hours long and a monthly reset on day 31 falls on the last
 * day of shorter months. A local midnight that does not exist (a DST gap at 00:00) starts at the
 * first valid instant after it.
 */
public final class BudgetPeriod implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The repetition of a period. */
  public enum Kind {
    DAILY,
    WEEKLY,
    MONTHLY
  }

  private final Kind kind;
  private final ZoneId zone;
  private final DayOfWeek resetWeekday;
  private final int resetDay;

  private BudgetPeriod(Kind kind, ZoneId zone, DayOfWeek resetWeekday, int resetDay) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.resetWeekday = resetWeekday;
    this.resetDay = resetDay;
  }

  public static BudgetPeriod daily(ZoneId zone) {
    return new BudgetPeriod(Kind.DAILY, zone, null, 0);
  }

  public static BudgetPeriod weekly(ZoneId zone, DayOfWeek resetWeekday) {
    return new BudgetPeriod(Kind.WEEKLY, zone, Objects.requireNonNull(resetWeekday, "resetWeekday"), 0);
  }

  /** Monthly from {@code resetDay} (1-31; a day past a month's end means its last day). */
  public static BudgetPeriod monthly(ZoneId zone, int resetDay) {
    if (resetDay < 1 || resetDay > 31) throw new IllegalArgumentException("reset day must be 1-31, was " + resetDay);
    return new BudgetPeriod(Kind.MONTHLY, zone, null, resetDay);
  }

  public Kind kind() {
    return kind;
  }

  public ZoneId zone() {
    return zone;
  }

  public DayOfWeek resetWeekday() {
    return resetWeekday;
  }

  public int resetDay() {
    return resetDay;
  }

  /** A period [start, end) in epoch millis, with the local date it starts on. */
  public record Window(long start, long end, LocalDate startDate) {
    public long lengthMillis() {
      return end - start;
    }

    public boolean contains(long t) {
      return t >= start && t < end;
    }
  }

  /** The period that contains the instant {@code epochMillis}. */
  public Window containing(long epochMillis) {
    LocalDate today = Instant.ofEpochMilli(epochMillis).atZone(zone).toLocalDate();
    LocalDate start = startOnOrBefore(today);
    LocalDate next = nextStart(start);
    return new Window(midnight(start), midnight(next), start);
  }

  /** The period right after {@code w}. */
  public Window next(Window w) {
    LocalDate next = nextStart(w.startDate());
    return new Window(w.end(), midnight(nextStart(next)), next);
  }

  private LocalDate startOnOrBefore(LocalDate d) {
    switch (kind) {
      case DAILY:
        return d;
      case WEEKLY:
        return d.with(TemporalAdjusters.previousOrSame(resetWeekday));
      default:
        LocalDate thisMonth = resetIn(YearMonth.from(d));
        return d.isBefore(thisMonth) ? resetIn(YearMonth.from(d).minusMonths(1)) : thisMonth;
    }
  }

  private LocalDate nextStart(LocalDate start) {
    switch (kind) {
      case DAILY:
        return start.plusDays(1);
      case WEEKLY:
        return start.plusWeeks(1);
      default:
        return resetIn(YearMonth.from(start).plusMonths(1));
    }
  }

  private LocalDate resetIn(YearMonth month) {
    return month.atDay(Math.min(resetDay, month.lengthOfMonth()));
  }

  private long midnight(LocalDate d) {
    // atStartOfDay(zone) moves a midnight inside a DST gap to the first valid instant
    return d.atStartOfDay(zone).toInstant().toEpochMilli();
  }

  /** e.g. {@code monthly (day 1, Europe/Berlin)}. */
  public String describe() {
    switch (kind) {
      case DAILY:
        return "daily (" + zone.getId() + ")";
      case WEEKLY:
        return "weekly (" + resetWeekday.name().toLowerCase() + ", " + zone.getId() + ")";
      default:
        return "monthly (day " + resetDay + ", " + zone.getId() + ")";
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BudgetPeriod p && p.kind == kind && p.zone.equals(zone) && p.resetWeekday == resetWeekday && p.resetDay == resetDay;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, zone, resetWeekday, resetDay);
  }

  @Override
  public String toString() {
    return describe();
  }
}
