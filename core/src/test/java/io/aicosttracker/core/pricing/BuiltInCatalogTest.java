package io.aicosttracker.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The README worked examples and a few real entries of the bundled genai-prices 0.1.8 data. */
class BuiltInCatalogTest {
  private static final Offset<Double> EPS = within(1e-9);
  private static final PriceCatalog CATALOG = PriceCatalog.builtIn();

  private static long at(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  @Test
  void versionAndSingleton() {
    assertThat(CATALOG.version()).isEqualTo("genai-prices-0.1.8");
    assertThat(PriceCatalog.builtIn()).isSameAs(CATALOG);
  }

  @Test
  void claude35SonnetWithCacheReadsAndWrites() {
    PriceQuote q = CATALOG.quote("anthropic", "claude-3-5-sonnet", at("2025-01-01T00:00:00Z"),
        1000, 300, 100, 100, 1);
    assertThat(q.providerId()).isEqualTo("anthropic");
    assertThat(q.modelId()).isEqualTo("claude-3-5-sonnet");
    assertThat(q.costUsd()).isCloseTo(0.003765, EPS);
  }

  @Test
  void claudeSonnet46TieredBeforeStartDate() {
    PriceQuote q = CATALOG.quote("anthropic", "claude-sonnet-4-6", at("2026-01-01T12:00:00Z"),
        300_000, 0, 0, 500, 1);
    assertThat(q.costUsd()).isCloseTo(1.81125, EPS);
  }

  @Test
  void claudeSonnet46FlatAfterStartDate() {
    PriceQuote q = CATALOG.quote("anthropic", "claude-sonnet-4-6", at("2026-04-01T12:00:00Z"),
        300_000, 0, 0, 500, 1);
    assertThat(q.costUsd()).isCloseTo(0.9075, EPS);
  }

  @Test
  void claudeSonnet46StartDateBoundaryIsUtcMidnight() {
    long boundary = at("2026-03-13T00:00:00Z");
    assertThat(CATALOG.quote("anthropic", "claude-sonnet-4-6", boundary - 1, 300_000, 0, 0, 500, 1)
        .costUsd()).isCloseTo(1.81125, EPS);
    assertThat(CATALOG.quote("anthropic", "claude-sonnet-4-6", boundary, 300_000, 0, 0, 500, 1)
        .costUsd()).isCloseTo(0.9075, EPS);
  }

  @Test
  void gpt4o() {
    PriceQuote q = CATALOG.quote("openai", "gpt-4o", at("2025-06-01T00:00:00Z"), 1000, 0, 0, 100, 1);
    assertThat(q).isEqualTo(new PriceQuote("openai", "gpt-4o", q.costUsd()));
    assertThat(q.costUsd()).isCloseTo(0.0035, EPS);
  }

  @Test
  void unknownModelOrProviderIsNullNotZero() {
    long t = at("2025-06-01T00:00:00Z");
    assertThat(CATALOG.quote("openai", "no-such-model-xyz", t, 1000, 0, 0, 100, 1)).isNull();
    assertThat(CATALOG.quote("no-such-provider", "gpt-4o", t, 1000, 0, 0, 100, 1)).isNull();
    assertThat(CATALOG.quote("openai", null, t, 1000, 0, 0, 100, 1)).isNull();
  }

  @Test
  void caseAndWhitespaceOfEventStringsAreIgnored() {
    PriceQuote q = CATALOG.quote(" OpenAI ", "GPT-4o ", at("2025-06-01T00:00:00Z"),
        1000, 0, 0, 100, 1);
    assertThat(q.costUsd()).isCloseTo(0.0035, EPS);
  }

  @Test
  void providerResolvedThroughProviderMatch() {
    // "google-vertex" is no provider id; google's provider_match contains "vertex".
    // Google prices claude-sonnet-4-6 flat, so no tier applies at 300k input.
    PriceQuote q = CATALOG.quote("google-vertex", "claude-sonnet-4-6", at("2026-01-01T00:00:00Z"),
        300_000, 0, 0, 500, 1);
    assertThat(q.providerId()).isEqualTo("google");
    assertThat(q.costUsd()).isCloseTo(0.9075, EPS);
  }

  @Test
  void fallbackModelProvider() {
    // azure lists openai among its fallback_model_providers.
    PriceQuote q = CATALOG.quote("azure", "gpt-4o", at("2025-06-01T00:00:00Z"), 1000, 0, 0, 100, 1);
    assertThat(q).isNotNull();
    assertThat(q.providerId()).isEqualTo("azure");
  }

  @Test
  void deepseekPeakWindowByUtcTimeOfDay() {
    // deepseek-chat: 0.27/1.10 inside 00:30-16:30 UTC, 0.135/0.55 outside.
    assertThat(CATALOG.quote("deepseek", "deepseek-chat", at("2025-06-01T01:00:00Z"),
        1_000_000, 0, 0, 0, 1).costUsd()).isCloseTo(0.27, EPS);
    assertThat(CATALOG.quote("deepseek", "deepseek-chat", at("2025-06-01T16:30:00Z"),
        1_000_000, 0, 0, 0, 1).costUsd()).isCloseTo(0.135, EPS);
    assertThat(CATALOG.quote("deepseek", "deepseek-chat", at("2025-06-01T00:29:59Z"),
        1_000_000, 0, 0, 0, 1).costUsd()).isCloseTo(0.135, EPS);
  }

  @Test
  void blankProviderResolvesThroughModelMatch() {
    PriceQuote q = CATALOG.quote(null, "gpt-4o", at("2025-06-01T00:00:00Z"), 1000, 0, 0, 100, 1);
    assertThat(q.providerId()).isEqualTo("openai");
    assertThat(q.costUsd()).isCloseTo(0.0035, EPS);
  }
}
