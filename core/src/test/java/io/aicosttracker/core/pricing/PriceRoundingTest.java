package io.aicosttracker.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Catalog costs are the exact decimal cost, without binary floating-point noise. */
class PriceRoundingTest {
  private static final long NOW = Instant.parse("2026-09-01T00:00:00Z").toEpochMilli();
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  @Test
  void everyCatalogCostIsTheNearestDoubleToTheExactDecimalCost() {
    PriceCatalog catalog = PriceCatalog.builtIn();
    SplittableRandom random = new SplittableRandom(3);
    int noisyBefore = 0;
    for (int i = 0; i < 20_000; i++) {
      long input = random.nextLong(0, 200_000);
      long cacheRead = random.nextLong(0, input + 1);
      long output = random.nextLong(0, 8_000);
      // per million tokens, from the catalog: input / cache read / output
      boolean mini = i % 2 == 0;
      String model = mini ? "gpt-4o-mini" : "gpt-4o";
      BigDecimal[] price = mini
          ? new BigDecimal[] {new BigDecimal("0.15"), new BigDecimal("0.075"), new BigDecimal("0.6")}
          : new BigDecimal[] {new BigDecimal("2.5"), new BigDecimal("1.25"), new BigDecimal("10")};
      BigDecimal exact = price[0].multiply(BigDecimal.valueOf(input - cacheRead))
          .add(price[1].multiply(BigDecimal.valueOf(cacheRead)))
          .add(price[2].multiply(BigDecimal.valueOf(output)))
          .divide(MILLION, MathContext.DECIMAL128);
      double cost = catalog.quote("openai", model, NOW, input, cacheRead, 0, output, 1).costUsd();
      assertThat(cost).as("%s %d/%d/%d", model, input, cacheRead, output).isEqualTo(exact.doubleValue());
      double plainSum = (price[0].doubleValue() * (input - cacheRead) + price[1].doubleValue() * cacheRead
          + price[2].doubleValue() * output) / 1e6;
      if (plainSum != exact.doubleValue()) noisyBefore++;
    }
    // the plain double arithmetic is what the catalog did before: it must have been noisy for this test to mean anything
    assertThat(noisyBefore).isGreaterThan(1_000);
  }

  @Test
  void printsTheDecimalAReaderExpects() {
    assertThat(Double.toString(PriceSet.toPicoUsd(0.014559049999999999))).isEqualTo("0.01455905");
    assertThat(Double.toString(PriceSet.toPicoUsd(4.094999999999999E-4))).isEqualTo("4.095E-4");
    assertThat(PriceSet.toPicoUsd(0)).isZero();
    // beyond 2^53 pico-dollars the value is kept as it is
    assertThat(PriceSet.toPicoUsd(123_456.78901234567)).isEqualTo(123_456.78901234567);
  }
}
