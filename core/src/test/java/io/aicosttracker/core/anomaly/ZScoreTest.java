package io.aicosttracker.core.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ZScoreTest {
  @Test
  void usesSampleMeanAndStandardDeviation() {
    // mean 5, sample variance = (9+1+1+9)/3 = 20/3
    ZScore z = ZScore.of(15, new double[] {2, 4, 6, 8});
    assertThat(z.expected()).isEqualTo(5.0);
    assertThat(z.stddev()).isCloseTo(Math.sqrt(20.0 / 3), within(1e-12));
    assertThat(z.score()).isCloseTo(10 / Math.sqrt(20.0 / 3), within(1e-12));
    assertThat(z.excess()).isEqualTo(10.0);
  }

  @Test
  void flatHistoryGivesCappedScoreOnlyAboveIt() {
    assertThat(ZScore.of(3, new double[] {0, 0, 0}).score()).isEqualTo(ZScore.MAX_SCORE);
    assertThat(ZScore.of(0, new double[] {0, 0, 0}).score()).isZero();
  }

  @Test
  void describesACappedScoreAsABound() {
    assertThat(ZScore.of(3, new double[] {0, 0, 0}).describe()).isEqualTo("z>=1000");
    assertThat(ZScore.of(15, new double[] {2, 4, 6, 8}).describe()).isEqualTo("z=3.9");
  }
}
