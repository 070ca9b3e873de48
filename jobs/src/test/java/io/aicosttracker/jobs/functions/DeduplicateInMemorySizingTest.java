package io.aicosttracker.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeduplicateInMemorySizingTest {
  private static final long GIB = 1L << 30;

  @Test
  void eachInstanceMakesRoomForItsShareOfTheEstimate() {
    assertThat(DeduplicateInMemory.initialKeys(10_000_000, 2, GIB)).isEqualTo(5_000_000);
    assertThat(DeduplicateInMemory.initialKeys(10_000_000, 4, GIB)).isEqualTo(2_500_000);
  }

  @Test
  void anUnknownOrSmallInputStartsSmall() {
    assertThat(DeduplicateInMemory.initialKeys(0, 2, GIB)).isEqualTo(1 << 16);
    assertThat(DeduplicateInMemory.initialKeys(1_000, 1, GIB)).isEqualTo(1 << 16);
  }

  @Test
  void aHighEstimateTakesAtMostAnEighthOfTheHeapUpFront() {
    int keys = DeduplicateInMemory.initialKeys(1_000_000_000, 2, GIB);
    assertThat((long) keys * 21).isLessThanOrEqualTo(GIB / 8);
    assertThat(keys).isEqualTo((int) (GIB / 8 / 21));
  }
}
