package io.aicosttracker.jobs.cli;

import java.util.Arrays;

/** Checks {@code --horizons}: positive day counts up to two years; returns them sorted and de-duplicated. */
final class Horizons {
  private Horizons() {}

  static int[] validate(int[] horizons) {
    int[] h = Arrays.stream(horizons).sorted().distinct().toArray();
    if (h.length == 0 || h[0] < 1 || h[h.length - 1] > 730) {
      throw new IllegalArgumentException("--horizons must be days between 1 and 730, e.g. 30,60,90; got " + Arrays.toString(horizons));
    }
    return h;
  }
}
