package io.aicosttracker.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BudgetPeriodStateTest {

  @Test
  void theSpendIsTheSameWhateverOrderEventsArriveIn() {
    Random random = new Random(17);
    List<Double> costs = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) costs.add(random.nextInt(100_000) * 1.2345e-7 + (i % 7 == 0 ? random.nextDouble() : 0));
    Double first = null;
    boolean doubleSumsDiffered = false;
    double firstDoubleSum = 0;
    for (int run = 0; run < 10; run++) {
      Collections.shuffle(costs, random);
      BudgetPeriodState p = new BudgetPeriodState();
      double doubleSum = 0;
      for (double c : costs) {
        p.addSpend(c);
        doubleSum += c;
      }
      if (first == null) {
        first = p.spendUsd;
        firstDoubleSum = doubleSum;
      }
      assertThat(p.spendUsd).isEqualTo(first);
      doubleSumsDiffered |= doubleSum != firstDoubleSum;
    }
    // without the exact sum the spend would have changed with the order
    assertThat(doubleSumsDiffered).isTrue();
  }

  @Test
  void stateFromBeforeTheExactSumKeepsItsSpend() {
    BudgetPeriodState restored = new BudgetPeriodState();
    restored.spendUsd = 12.5; // a savepoint with only the double
    restored.spendExact = null;
    restored.addSpend(0.25);
    assertThat(restored.spendUsd).isEqualTo(12.75);
  }
}
