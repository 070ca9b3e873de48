package io.aicosttracker.core.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BurnRateTest {
  private static final long H = 3_600_000L;

  @Test
  void projectsSpendOverTheWholePeriod() {
    BurnRate r = new BurnRate(30, 6 * H, 24 * H);
    assertThat(r.usdPerHour()).isCloseTo(5, within(1e-9));
    assertThat(r.projectedSpend()).isCloseTo(120, within(1e-9));
    assertThat(r.elapsedShare()).isEqualTo(0.25);
    assertThat(r.millisToExhaustion(100)).isEqualTo(20 * H);
  }

  @Test
  void noSpendNoExhaustion() {
    assertThat(new BurnRate(0, 6 * H, 24 * H).millisToExhaustion(100)).isEqualTo(-1);
    assertThat(new BurnRate(0, 0, 24 * H).projectedSpend()).isZero();
  }
}
