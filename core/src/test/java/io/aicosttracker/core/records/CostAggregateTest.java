package io.aicosttracker.core.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CostAggregateTest {
  private static PricedUsage event(double cost) {
    PricedUsage p = new PricedUsage();
    p.costUsd = cost;
    p.costBasis = PricedUsage.BASIS_CATALOG;
    return p;
  }

  /** Partials reach a window in a varying order; the total must not depend on it. */
  @Test
  void theTotalIsTheSameInEveryOrderOfEventsAndPartials() {
    Random r = new Random(3);
    List<Double> costs = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) costs.add(r.nextDouble() * Math.pow(10, -r.nextInt(6)));
    Double first = null;
    for (int round = 0; round < 20; round++) {
      Collections.shuffle(costs, r);
      List<CostAggregate> partials = new ArrayList<>();
      for (int i = 0; i < costs.size(); i++) {
        if (i % 97 == 0) partials.add(new CostAggregate());
        partials.get(partials.size() - 1).add(event(costs.get(i)));
      }
      Collections.shuffle(partials, r);
      CostAggregate total = new CostAggregate();
      for (CostAggregate p : partials) total.merge(p);
      if (first == null) first = total.costUsd;
      assertThat(total.costUsd).isEqualTo(first);
      assertThat(total.events).isEqualTo(5_000);
    }
    double plain = costs.stream().mapToDouble(Double::doubleValue).sum();
    assertThat(first).isCloseTo(plain, org.assertj.core.api.Assertions.within(5_000 * 1e-9));
  }

  @Test
  void anAggregateReadFromAFileMergesByItsCost() {
    CostAggregate fromFile = new CostAggregate();
    fromFile.costUsd = 12.345678901;
    CostAggregate total = new CostAggregate();
    total.add(event(0.5));
    total.merge(fromFile);
    assertThat(total.costUsd).isEqualTo(12.845678901);
    assertThat(total.costNanos).isEqualTo(12_845_678_901L);
  }
}
