package io.aicosttracker.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.aicosttracker.core.pricing.PriceCatalog;
import io.aicosttracker.core.records.CostAggregate;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AddCacheSavingsTest {
  private static final PriceCatalog CATALOG = PriceCatalog.builtIn();

  private static CostAggregate aggregate(String provider, String model, long requests, long input, long cacheRead, long cacheWrite) {
    CostAggregate a = new CostAggregate();
    a.granularity = CostAggregate.DAY;
    a.windowStart = Instant.parse("2026-09-01T00:00:00Z").toEpochMilli();
    a.project = "p";
    a.provider = provider;
    a.model = model;
    a.source = "api";
    a.requests = requests;
    a.inputTokens = input;
    a.cacheReadTokens = cacheRead;
    a.cacheWriteTokens = cacheWrite;
    return a;
  }

  @Test
  void cacheReadsSaveTheDifferenceToTheInputPrice() {
    // gpt-4o: input $2.50 / M, cached input $1.25 / M -> 800k cached tokens save $1.00
    Double saved = AddCacheSavings.savings(CATALOG, aggregate("openai", "gpt-4o", 4, 1_000_000, 800_000, 0));
    assertThat(saved).isCloseTo(1.00, within(1e-9));
  }

  @Test
  void noCachingSavesZeroAndAnUnknownModelIsNull() {
    assertThat(AddCacheSavings.savings(CATALOG, aggregate("openai", "gpt-4o", 1, 1000, 0, 0))).isEqualTo(0.0);
    assertThat(AddCacheSavings.savings(CATALOG, aggregate("nobody", "no-such-model-xyz", 1, 1000, 500, 0))).isNull();
  }

  @Test
  void cacheWritePremiumsCountAgainstTheSavings() {
    // claude-3-5-haiku style pricing: cache writes cost more than input, so writes alone are a net loss
    Double saved = AddCacheSavings.savings(CATALOG, aggregate("anthropic", "claude-3-5-haiku-latest", 1, 100_000, 0, 100_000));
    assertThat(saved).isNotNull().isNegative();
  }
}
