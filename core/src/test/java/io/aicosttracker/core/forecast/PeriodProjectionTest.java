package io.aicosttracker.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.aicosttracker.core.budget.Budget;
import io.aicosttracker.core.budget.BudgetPeriod;
import io.aicosttracker.core.budget.BudgetScope;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeriodProjectionTest {
  private static long t(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  private static double[] flat(double perDay, int days) {
    double[] p = new double[days];
    Arrays.fill(p, perDay);
    return p;
  }

  @Test
  void projectsTheRestOfThePeriodAndTheExhaustionInstant() {
    // March (UTC), $10 spent by noon on March 11, $20/day from March 11: 20.5 days left
    PeriodProjection p =
        PeriodProjection.at(t("2026-03-11T00:00:00Z"), flat(20, 30), t("2026-03-11T12:00:00Z"), t("2026-03-01T00:00:00Z"), t("2026-04-01T00:00:00Z"), 300, 10);
    assertThat(p.projectedSpendUsd()).isCloseTo(10 + 20 * 20.5, within(1e-9));
    // $290 at $20/day = 14.5 days after noon on March 11
    assertThat(p.exhaustionTime()).isEqualTo(t("2026-03-26T00:00:00Z"));
    assertThat(p.extrapolatedDays()).isZero();
  }

  @Test
  void exhaustionFollowsTheDailyShapeNotAnAverage() {
    // weekdays $30, weekend $0; week of Mon 2026-03-02 (weekly budget, UTC); $100 by Monday midnight
    double[] path = {30, 30, 30, 30, 0, 0, 30};
    PeriodProjection p =
        PeriodProjection.at(t("2026-03-03T00:00:00Z"), path, t("2026-03-03T00:00:00Z"), t("2026-03-02T00:00:00Z"), t("2026-03-09T00:00:00Z"), 200, 100);
    assertThat(p.projectedSpendUsd()).isCloseTo(100 + 4 * 30, within(1e-9));
    // 100 + 30 + 30 + 30 = 190 at the end of Thursday; $10 more is a third of Friday
    assertThat(p.exhaustionTime()).isEqualTo(t("2026-03-06T08:00:00Z"));
  }

  @Test
  void noExhaustionWhenUnderOrAlreadySpent() {
    long s = t("2026-03-01T00:00:00Z");
    long e = t("2026-04-01T00:00:00Z");
    assertThat(PeriodProjection.at(s, flat(1, 31), s, s, e, 300, 0).exhaustionTime()).isNull();
    PeriodProjection over = PeriodProjection.at(s + 86_400_000L, flat(1, 30), s + 86_400_000L, s, e, 300, 400);
    assertThat(over.exhaustionTime()).isNull();
    assertThat(over.projectedSpendUsd()).isCloseTo(430, within(1e-9));
  }

  @Test
  void daysBeyondThePathCostTheMeanOfItsLastWeek() {
    double[] path = new double[10];
    for (int i = 0; i < 10; i++) path[i] = i < 3 ? 100 : 7; // last 7 days: $7
    long s = t("2026-03-01T00:00:00Z");
    PeriodProjection p = PeriodProjection.at(s, path, s, s, t("2026-04-01T00:00:00Z"), 10_000, 0);
    assertThat(p.extrapolatedDays()).isEqualTo(21);
    assertThat(p.projectedSpendUsd()).isCloseTo(300 + 7 * 7 + 21 * 7, within(1e-9));
  }

  @Test
  void aPeriodInAnotherZoneTakesItsShareOfTheUtcDays() {
    // Berlin daily budget for 2026-03-10 = [09T23:00Z, 10T23:00Z): 1 h of March 9's $24 and 23 h of March 10's $48
    PeriodProjection p =
        PeriodProjection.at(t("2026-03-09T00:00:00Z"), new double[] {24, 48}, t("2026-03-09T23:00:00Z"), t("2026-03-09T23:00:00Z"), t("2026-03-10T23:00:00Z"), 100, 0);
    assertThat(p.projectedSpendUsd()).isCloseTo(1 + 46, within(1e-9));
  }

  @Test
  void budgetOutlookTakesTheSpendSoFarFromTheDailyCosts() {
    Budget b = Budget.of("m", BudgetScope.ALL, 300, BudgetPeriod.monthly(ZoneId.of("UTC"), 1));
    Map<LocalDate, Double> days = new HashMap<>();
    for (int d = 1; d <= 10; d++) days.put(LocalDate.of(2026, 3, d), 10.0);
    days.put(LocalDate.of(2026, 2, 28), 99.0); // the previous period
    Forecast f = new Forecast();
    f.status = Forecast.OK;
    f.forecastModel = "ols_trend_dow";
    f.originDate = "2026-03-11";
    f.dailyPathUsd = flat(20, 30);
    BudgetOutlook o = BudgetOutlook.of(b, f, days);
    assertThat(o.spentUsd()).isCloseTo(100, within(1e-9));
    assertThat(o.projectedSpendUsd()).isCloseTo(100 + 21 * 20, within(1e-9));
    assertThat(o.exhaustionTime()).isEqualTo(t("2026-03-21T00:00:00Z"));
    assertThat(o.periodLabel()).isEqualTo("2026-03-01");

    f.status = Forecast.INSUFFICIENT_HISTORY;
    BudgetOutlook none = BudgetOutlook.of(b, f, days);
    assertThat(none.projectedSpendUsd()).isNaN();
    assertThat(none.exhaustionTime()).isNull();
  }
}
