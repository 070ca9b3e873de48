package io.aicosttracker.core.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CostAggregateSumTest {

  @Test
  void theSettledCostIsTheSameWhateverOrderPartialsAreAddedAndMergedIn() {
    Random random = new Random(11);
    List<PricedUsage> events = new ArrayList<>();
    BigDecimal exact = BigDecimal.ZERO;
    for (int i = 0; i < 20_000; i++) {
      PricedUsage e = new PricedUsage();
      // cents to hundreds of dollars, and costs of a few tokens, like a real mix
      e.costUsd = i % 3 == 0 ? random.nextDouble() * 300 : random.nextInt(2000) * 1.5106666666666667e-7;
      events.add(e);
      exact = exact.add(new BigDecimal(e.costUsd));
    }
    long firstBits = 0;
    boolean doubleSumsDiffered = false;
    double firstDoubleSum = Double.NaN;
    for (int run = 0; run < 20; run++) {
      Collections.shuffle(events, random);
      CostAggregate total = sumInRandomPartials(events, random);
      // what the window result reported before: the double sum, order-dependent
      double doubleSum = total.costUsd;
      total.settleCost();
      if (run == 0) {
        firstBits = Double.doubleToLongBits(total.costUsd);
        firstDoubleSum = doubleSum;
      }
      assertThat(Double.doubleToLongBits(total.costUsd)).as("run %d", run).isEqualTo(firstBits);
      doubleSumsDiffered |= doubleSum != firstDoubleSum;
      assertThat(total.costUsd).isCloseTo(exact.doubleValue(), within(1e-9));
    }
    // the test would not show anything if plain double sums happened to agree as well
    assertThat(doubleSumsDiffered).isTrue();
  }

  @Test
  void reportsTheSumRoundedToAPicoDollarAsTheNearestDouble() {
    CostAggregate a = new CostAggregate();
    for (int i = 0; i < 12; i++) a.add(priced(1.5106666666666667e-5));
    a.settleCost();
    assertThat(a.costUsd).isEqualTo(1.8128E-4);
    assertThat(Double.toString(a.costUsd)).isEqualTo("1.8128E-4");

    CostAggregate big = new CostAggregate();
    big.add(priced(1234567.25));
    big.add(priced(0.75));
    big.add(priced(0.1));
    big.add(priced(0.2));
    big.settleCost();
    assertThat(big.costUsd).isEqualTo(1234568.3);
    assertThat(big.costExact.whole).isEqualTo(1234568);
  }

  @Test
  void mergesAnAggregateThatOnlyCarriesADouble() {
    CostAggregate fromFile = new CostAggregate();
    fromFile.costUsd = 2.5; // as read back from usage-daily CSV
    CostAggregate a = new CostAggregate();
    a.add(priced(0.25));
    a.merge(fromFile);
    a.settleCost();
    assertThat(a.costUsd).isEqualTo(2.75);
  }

  @Test
  void anAccumulatorWithOnlyItsDoubleKeepsIt() {
    CostAggregate restored = new CostAggregate();
    restored.costUsd = 1.5; // window state from before the exact fields existed
    restored.add(priced(0.25));
    restored.settleCost();
    assertThat(restored.costUsd).isEqualTo(1.75);
  }

  @Test
  void theFastAndTheExactConversionAgree() {
    Random random = new Random(5);
    for (int i = 0; i < 100_000; i++) {
      ExactUsd sum = new ExactUsd();
      sum.add(random.nextDouble() * (i % 2 == 0 ? 10 : 20_000));
      BigDecimal picos = BigDecimal.valueOf(sum.whole).add(BigDecimal.valueOf(Math.floorDiv(sum.atto + 500_000, 1_000_000), 12));
      assertThat(sum.toDouble()).isEqualTo(picos.doubleValue());
    }
  }

  private static CostAggregate sumInRandomPartials(List<PricedUsage> events, Random random) {
    List<CostAggregate> partials = new ArrayList<>();
    CostAggregate current = new CostAggregate();
    for (PricedUsage e : events) {
      current.add(e);
      if (random.nextInt(50) == 0) {
        partials.add(current);
        current = new CostAggregate();
      }
    }
    partials.add(current);
    Collections.shuffle(partials, random);
    CostAggregate total = new CostAggregate();
    for (CostAggregate p : partials) total.merge(p);
    return total;
  }

  private static PricedUsage priced(double cost) {
    PricedUsage e = new PricedUsage();
    e.costUsd = cost;
    return e;
  }
}
