package io.aicosttracker.core.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BudgetPeriodTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static long t(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  @Test
  void dailyPeriodAcrossSpringForwardInNewYorkIs23Hours() {
    // 2026-03-08: clocks go from 02:00 EST to 03:00 EDT
    BudgetPeriod.Window w = BudgetPeriod.daily(NEW_YORK).containing(t("2026-03-08T12:00:00Z"));
    assertThat(w.startDate()).isEqualTo(LocalDate.parse("2026-03-08"));
    assertThat(Instant.ofEpochMilli(w.start())).isEqualTo(Instant.parse("2026-03-08T05:00:00Z")); // 00:00 EST
    assertThat(Instant.ofEpochMilli(w.end())).isEqualTo(Instant.parse("2026-03-09T04:00:00Z")); // 00:00 EDT
    assertThat(Duration.ofMillis(w.lengthMillis())).isEqualTo(Duration.ofHours(23));
  }

  @Test
  void dailyPeriodAcrossFallBackInBerlinIs25Hours() {
    // 2026-10-25: clocks go from 03:00 CEST back to 02:00 CET
    BudgetPeriod.Window w = BudgetPeriod.daily(BERLIN).containing(t("2026-10-25T10:00:00Z"));
    assertThat(Instant.ofEpochMilli(w.start())).isEqualTo(Instant.parse("2026-10-24T22:00:00Z"));
    assertThat(Instant.ofEpochMilli(w.end())).isEqualTo(Instant.parse("2026-10-25T23:00:00Z"));
    assertThat(Duration.ofMillis(w.lengthMillis())).isEqualTo(Duration.ofHours(25));
  }

  @Test
  void eventJustBeforeLocalMidnightBelongsToThatLocalDay() {
    // 23:30 in New York on March 31 is already April 1 in UTC
    BudgetPeriod.Window w = BudgetPeriod.monthly(NEW_YORK, 1).containing(t("2026-04-01T03:30:00Z"));
    assertThat(w.startDate()).isEqualTo(LocalDate.parse("2026-03-01"));
    assertThat(Instant.ofEpochMilli(w.end())).isEqualTo(Instant.parse("2026-04-01T04:00:00Z"));
    // the March period spans the DST change: 31 days minus one hour
    assertThat(Duration.ofMillis(w.lengthMillis())).isEqualTo(Duration.ofDays(31).minusHours(1));
    BudgetPeriod.Window april = BudgetPeriod.monthly(NEW_YORK, 1).containing(t("2026-04-01T04:00:00Z"));
    assertThat(april.startDate()).isEqualTo(LocalDate.parse("2026-04-01"));
    assertThat(april.start()).isEqualTo(w.end());
  }

  @Test
  void monthlyResetOn31stFallsOnLastDayOfShortMonths() {
    BudgetPeriod p = BudgetPeriod.monthly(BERLIN, 31);
    BudgetPeriod.Window feb = p.containing(t("2026-02-15T12:00:00Z"));
    assertThat(feb.startDate()).isEqualTo(LocalDate.parse("2026-01-31"));
    BudgetPeriod.Window next = p.next(feb);
    assertThat(next.startDate()).isEqualTo(LocalDate.parse("2026-02-28"));
    assertThat(next.start()).isEqualTo(feb.end());
    assertThat(p.next(next).startDate()).isEqualTo(LocalDate.parse("2026-03-31"));
    // Berlin month end across its DST change (2026-03-29)
    BudgetPeriod.Window march = p.containing(t("2026-03-30T12:00:00Z"));
    assertThat(march.startDate()).isEqualTo(LocalDate.parse("2026-02-28"));
    assertThat(Instant.ofEpochMilli(march.end())).isEqualTo(Instant.parse("2026-03-30T22:00:00Z"));
  }

  @Test
  void monthlyResetOn15th() {
    BudgetPeriod p = BudgetPeriod.monthly(NEW_YORK, 15);
    assertThat(p.containing(t("2026-03-14T12:00:00Z")).startDate()).isEqualTo(LocalDate.parse("2026-02-15"));
    assertThat(p.containing(t("2026-03-15T12:00:00Z")).startDate()).isEqualTo(LocalDate.parse("2026-03-15"));
    assertThat(p.containing(t("2026-01-10T12:00:00Z")).startDate()).isEqualTo(LocalDate.parse("2025-12-15"));
  }

  @Test
  void weeklyResetOnChosenWeekdayAcrossDstChange() {
    BudgetPeriod p = BudgetPeriod.weekly(BERLIN, DayOfWeek.WEDNESDAY);
    // Sunday 2026-03-29 (DST starts) lies in the week starting Wednesday 2026-03-25
    BudgetPeriod.Window w = p.containing(t("2026-03-29T12:00:00Z"));
    assertThat(w.startDate()).isEqualTo(LocalDate.parse("2026-03-25"));
    assertThat(Instant.ofEpochMilli(w.start())).isEqualTo(Instant.parse("2026-03-24T23:00:00Z")); // CET
    assertThat(Instant.ofEpochMilli(w.end())).isEqualTo(Instant.parse("2026-03-31T22:00:00Z")); // CEST
    assertThat(Duration.ofMillis(w.lengthMillis())).isEqualTo(Duration.ofDays(7).minusHours(1));
    // the reset day itself starts a new week at local midnight
    assertThat(p.containing(t("2026-03-31T22:00:00Z")).startDate()).isEqualTo(LocalDate.parse("2026-04-01"));
    assertThat(p.containing(t("2026-03-31T21:59:59Z")).startDate()).isEqualTo(LocalDate.parse("2026-03-25"));
  }

  @Test
  void weeklyInNewYorkAcrossFallBack() {
    BudgetPeriod p = BudgetPeriod.weekly(NEW_YORK, DayOfWeek.MONDAY);
    BudgetPeriod.Window w = p.containing(t("2026-11-01T15:00:00Z")); // Sunday of the change
    assertThat(w.startDate()).isEqualTo(LocalDate.parse("2026-10-26"));
    assertThat(Duration.ofMillis(w.lengthMillis())).isEqualTo(Duration.ofDays(7).plusHours(1));
  }

  @Test
  void consecutivePeriodsTileTimeWithoutGaps() {
    for (BudgetPeriod p : new BudgetPeriod[] {BudgetPeriod.daily(NEW_YORK), BudgetPeriod.weekly(BERLIN, DayOfWeek.FRIDAY), BudgetPeriod.monthly(NEW_YORK, 30)}) {
      BudgetPeriod.Window w = p.containing(t("2026-01-01T00:00:00Z"));
      for (int i = 0; i < 400; i++) {
        BudgetPeriod.Window n = p.next(w);
        assertThat(n.start()).isEqualTo(w.end());
        assertThat(p.containing(n.start())).isEqualTo(n);
        assertThat(p.containing(n.start() - 1)).isEqualTo(w);
        w = n;
      }
    }
  }

  @Test
  void rejectsResetDayOutOfRange() {
    assertThatThrownBy(() -> BudgetPeriod.monthly(BERLIN, 32)).hasMessageContaining("1-31");
  }
}
