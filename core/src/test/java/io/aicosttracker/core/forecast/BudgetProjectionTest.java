package io.aicosttracker.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BudgetProjectionTest {
  private static final LocalDate MAY_1 = LocalDate.parse("2026-05-01");

  private static double[] constant(int days, double v) {
    double[] p = new double[days];
    Arrays.fill(p, v);
    return p;
  }

  @Test
  void projectsTheRestOfTheMonthAndFindsTheExhaustionDay() {
    // 10 days spent 400; 21 days left at 30/day: 400 + 630 = 1030; 1000 reached on May 30 (400 + 20*30)
    BudgetProjection p =
        BudgetProjection.project(MAY_1.plusDays(10), constant(90, 30), MAY_1, LocalDate.parse("2026-05-31"), 1000, 400);
    assertThat(p.projectedSpendUsd()).isCloseTo(1030, within(1e-9));
    assertThat(p.exhaustionDate()).isEqualTo(LocalDate.parse("2026-05-30"));
    assertThat(p.alreadyExhausted()).isFalse();
    assertThat(p.extrapolatedDays()).isZero();
  }

  @Test
  void noExhaustionWithinThePeriod() {
    BudgetProjection p = BudgetProjection.project(MAY_1.plusDays(10), constant(30, 10), MAY_1, LocalDate.parse("2026-05-31"), 1000, 100);
    assertThat(p.projectedSpendUsd()).isCloseTo(310, within(1e-9));
    assertThat(p.exhaustionDate()).isNull();
  }

  @Test
  void alreadyExhaustedAndPathShorterThanThePeriod() {
    BudgetProjection p = BudgetProjection.project(MAY_1, constant(10, 5), MAY_1, LocalDate.parse("2026-05-31"), 100, 150);
    assertThat(p.alreadyExhausted()).isTrue();
    assertThat(p.exhaustionDate()).isNull();
    assertThat(p.extrapolatedDays()).isEqualTo(21);
    assertThat(p.projectedSpendUsd()).isCloseTo(150 + 31 * 5, within(1e-9));
  }

  @Test
  void aPeriodThatStartsAfterThePathStartUsesOnlyItsDays() {
    double[] path = new double[40];
    for (int i = 0; i < 40; i++) path[i] = i;
    BudgetProjection p = BudgetProjection.project(MAY_1, path, MAY_1.plusDays(5), MAY_1.plusDays(6), 1000, 0);
    assertThat(p.projectedSpendUsd()).isCloseTo(5 + 6, within(1e-9));
  }

  @Test
  void rejectsAnInvertedPeriod() {
    assertThatThrownBy(() -> BudgetProjection.project(MAY_1, constant(3, 1), MAY_1, MAY_1.minusDays(1), 10, 0))
        .hasMessageContaining("ends before it starts");
  }
}
