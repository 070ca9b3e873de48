package io.aicosttracker.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Semantics of parsing, matching, schedules, tiers and layering, on small inline catalogs. */
class PriceCatalogTest {
  private static final Offset<Double> EPS = within(1e-9);
  private static final long T = Instant.parse("2025-06-01T12:00:00Z").toEpochMilli();

  /** One provider "p" with one model "m" matched by {@code match} and priced by {@code prices}. */
  private static PriceCatalog one(String match, String prices) {
    return PriceCatalog.parse(("[{\"id\":\"p\",\"models\":[{\"id\":\"m\",\"match\":" + match
        + ",\"prices\":" + prices + "}]}]").getBytes(StandardCharsets.UTF_8), "test");
  }

  private static double cost(PriceCatalog c, long time, long in, long cr, long cw, long out,
      long req) {
    return c.quote("p", "some-model", time, in, cr, cw, out, req).costUsd();
  }

  @ParameterizedTest(name = "{0} {1} vs {2} -> {3}")
  @CsvSource({
      "equals, some-model, some-model, true",
      "equals, some-model, some-model-2, false",
      "equals, Some-Model, SOME-model, true", // literal values and event strings both lower-cased
      "starts_with, some-, some-model, true",
      "starts_with, model, some-model, false",
      "ends_with, -model, some-model, true",
      "ends_with, some, some-model, false",
      "contains, e-m, some-model, true",
      "contains, xyz, some-model, false",
      "regex, ^so.e-mod, some-model, true",
      "regex, mod, some-model, true", // searched, not fully matched (re.search / RegExp.test)
      "regex, ^model, some-model, false",
      "unknown_op, some-model, some-model, false",
  })
  void leafOperators(String op, String value, String model, boolean expected) {
    PriceCatalog c = one("{\"" + op + "\":\"" + value + "\"}", "{\"input_mtok\":1}");
    assertThat(c.quote("p", model, T, 1, 0, 0, 0, 1) != null).isEqualTo(expected);
  }

  @Test
  void nestedOrAnd() {
    PriceCatalog c = one("{\"or\":[{\"equals\":\"x\"},{\"and\":[{\"starts_with\":\"gpt-\"},"
        + "{\"not_an_op\":\"\"}]},{\"and\":[{\"starts_with\":\"gpt-\"},{\"ends_with\":\"-mini\"}]}]}",
        "{\"input_mtok\":1}");
    assertThat(c.quote("p", "x", T, 1, 0, 0, 0, 1)).isNotNull();
    assertThat(c.quote("p", "gpt-4o-mini", T, 1, 0, 0, 0, 1)).isNotNull();
    assertThat(c.quote("p", "gpt-4o", T, 1, 0, 0, 0, 1)).isNull();
  }

  @Test
  void startDateSwitchesAtUtcMidnightAndLatestWins() {
    PriceCatalog c = one("{\"contains\":\"\"}", "[{\"prices\":{\"input_mtok\":1}},"
        + "{\"constraint\":{\"type\":\"start_date\",\"start_date\":\"2025-03-01\"},"
        + "\"prices\":{\"input_mtok\":2}},"
        + "{\"constraint\":{\"type\":\"start_date\",\"start_date\":\"2025-07-01\"},"
        + "\"prices\":{\"input_mtok\":3}}]");
    long march = Instant.parse("2025-03-01T00:00:00Z").toEpochMilli();
    assertThat(cost(c, march - 1, 1_000_000, 0, 0, 0, 1)).isCloseTo(1, EPS);
    assertThat(cost(c, march, 1_000_000, 0, 0, 0, 1)).isCloseTo(2, EPS);
    assertThat(cost(c, T, 1_000_000, 0, 0, 0, 1)).isCloseTo(2, EPS);
    assertThat(cost(c, Instant.parse("2025-07-01T00:00:00Z").toEpochMilli(), 1_000_000, 0, 0, 0,
        1)).isCloseTo(3, EPS);
  }

  @Test
  void timeOfDayWindowWrappingMidnight() {
    PriceCatalog c = one("{\"contains\":\"\"}", "[{\"prices\":{\"input_mtok\":1}},"
        + "{\"constraint\":{\"type\":\"time_of_date\",\"start_time\":\"22:00:00Z\","
        + "\"end_time\":\"02:00:00Z\"},\"prices\":{\"input_mtok\":5}},"
        + "{\"constraint\":{\"type\":\"some_future_type\"},\"prices\":{\"input_mtok\":9}}]");
    assertThat(cost(c, at("2025-06-01T23:00:00Z"), 1_000_000, 0, 0, 0, 1)).isCloseTo(5, EPS);
    assertThat(cost(c, at("2025-06-01T01:59:59Z"), 1_000_000, 0, 0, 0, 1)).isCloseTo(5, EPS);
    assertThat(cost(c, at("2025-06-01T02:00:00Z"), 1_000_000, 0, 0, 0, 1)).isCloseTo(1, EPS);
    assertThat(cost(c, at("2025-06-01T21:59:59Z"), 1_000_000, 0, 0, 0, 1)).isCloseTo(1, EPS);
  }

  @Test
  void tierStartsStrictlyAboveItsThresholdAndAppliesToAllUnits() {
    PriceCatalog c = one("{\"contains\":\"\"}", "{"
        + "\"input_mtok\":{\"base\":1,\"tiers\":[{\"start\":200,\"price\":3},{\"start\":100,\"price\":2}]},"
        + "\"output_mtok\":{\"base\":10,\"tiers\":[{\"start\":100,\"price\":20}]},"
        + "\"cache_read_mtok\":0.5}");
    // 100 input: not > 100 -> base for input and output.
    assertThat(cost(c, T, 100, 0, 0, 1_000_000, 1)).isCloseTo(100 * 1e-6 + 10, EPS);
    // 101 input: tier 2 (unsorted in JSON) for input AND output, chosen by input.
    assertThat(cost(c, T, 101, 0, 0, 1_000_000, 1)).isCloseTo(101 * 2e-6 + 20, EPS);
    // 201 input, 150 of them cache reads: tier chosen by TOTAL input; flat cache price.
    assertThat(cost(c, T, 201, 150, 0, 0, 1)).isCloseTo(51 * 3e-6 + 150 * 0.5e-6, EPS);
  }

  @Test
  void cachePartsAndMissingCachePrices() {
    PriceCatalog full = one("{\"contains\":\"\"}",
        "{\"input_mtok\":3,\"cache_read_mtok\":0.3,\"cache_write_mtok\":3.75,\"output_mtok\":15}");
    assertThat(cost(full, T, 1000, 300, 100, 100, 1)).isCloseTo(0.003765, EPS);
    // No cache prices: upstream leaves those tokens in the uncached input, at input_mtok.
    PriceCatalog noCache = one("{\"contains\":\"\"}", "{\"input_mtok\":3,\"output_mtok\":15}");
    assertThat(cost(noCache, T, 1000, 300, 100, 100, 1)).isCloseTo(1000 * 3e-6 + 100 * 15e-6, EPS);
    // Inconsistent counts (cache > input) clamp the uncached part at 0 instead of failing.
    assertThat(cost(full, T, 100, 300, 0, 0, 1)).isCloseTo(300 * 0.3e-6, EPS);
  }

  @Test
  void requestsKcount() {
    PriceCatalog c = one("{\"contains\":\"\"}", "{\"input_mtok\":1,\"requests_kcount\":5}");
    assertThat(cost(c, T, 0, 0, 0, 0, 1)).isCloseTo(0.005, EPS);
    assertThat(cost(c, T, 1_000_000, 0, 0, 0, 3)).isCloseTo(1 + 0.015, EPS);
  }

  @Test
  void emptyPriceObjectIsAnExplicitZero() {
    assertThat(cost(one("{\"contains\":\"\"}", "{}"), T, 1000, 0, 0, 100, 1)).isZero();
  }

  @Test
  void providerMatchAndFallbackProviders() {
    PriceCatalog c = PriceCatalog.parse(("["
        + "{\"id\":\"base\",\"provider_match\":{\"contains\":\"basis\"},\"models\":["
        + "  {\"id\":\"m1\",\"match\":{\"equals\":\"m1\"},\"prices\":{\"input_mtok\":1}}]},"
        + "{\"id\":\"cloud\",\"fallback_model_providers\":[\"base\"],\"models\":["
        + "  {\"id\":\"m2\",\"match\":{\"equals\":\"m2\"},\"prices\":{\"input_mtok\":2}}]}]")
        .getBytes(StandardCharsets.UTF_8), "t");
    assertThat(c.quote("My-Basis-Proxy", "m1", T, 1_000_000, 0, 0, 0, 1))
        .isEqualTo(new PriceQuote("base", "m1", 1.0));
    assertThat(c.quote("cloud", "m1", T, 1_000_000, 0, 0, 0, 1))
        .isEqualTo(new PriceQuote("cloud", "m1", 1.0));
    assertThat(c.quote("base", "m2", T, 1_000_000, 0, 0, 0, 1)).isNull();
  }

  @Test
  void customCatalogBeatsBuiltIn(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("my-prices.json");
    Files.writeString(file, "[{\"id\":\"openai\",\"models\":[{\"id\":\"gpt-4o-negotiated\","
        + "\"match\":{\"equals\":\"gpt-4o\"},\"prices\":{\"input_mtok\":1,\"output_mtok\":2}}]}]");
    PriceCatalog custom = PriceCatalog.load(file);
    assertThat(custom.version()).matches("my-prices\\.json@[0-9a-f]{12}");
    PriceCatalog layered = PriceCatalog.builtIn().overriddenBy(custom);
    assertThat(layered.version()).isEqualTo(custom.version() + "+genai-prices-0.1.8");
    PriceQuote q = layered.quote("openai", "gpt-4o", T, 1000, 0, 0, 100, 1);
    assertThat(q.modelId()).isEqualTo("gpt-4o-negotiated");
    assertThat(q.costUsd()).isCloseTo(0.0012, EPS);
    // Models the custom catalog does not match still come from the built-in one.
    assertThat(layered.quote("anthropic", "claude-3-5-sonnet", T, 1000, 300, 100, 100, 1)
        .costUsd()).isCloseTo(0.003765, EPS);
  }

  @Test
  void badJsonAndBadShapeGiveOneLineMessages() {
    assertThatThrownBy(() -> PriceCatalog.parse("[{".getBytes(StandardCharsets.UTF_8), "v1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("price catalog v1: invalid JSON")
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> PriceCatalog.parse("{}".getBytes(StandardCharsets.UTF_8), "v1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("price catalog v1: $: expected a JSON array of providers");
    assertThatThrownBy(() -> one("{\"equals\":\"m\"}", "{\"input_mtok\":\"cheap\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$[0](p).models[0](m).prices.input_mtok");
    assertThatThrownBy(() -> one("{\"regex\":\"(\"}", "{}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid regex");
  }

  @Test
  void resolutionIsCachedIncludingUnknowns() {
    PriceCatalog c = one("{\"equals\":\"some-model\"}", "{\"input_mtok\":1}");
    var first = c.resolve("p", "some-model");
    assertThat(c.resolve("p", "some-model")).isSameAs(first);
    assertThat(c.quote("p", "nope", T, 1, 0, 0, 0, 1)).isNull();
    assertThat(c.quote("p", "nope", T, 1, 0, 0, 0, 1)).isNull();
    assertThat(c.cachedResolutions()).isEqualTo(2);
    assertThat(c.quote("p", "some-model", T, 2_000_000, 0, 0, 0, 1))
        .isEqualTo(c.quote("p", "some-model", T, 2_000_000, 0, 0, 0, 1));
  }

  private static long at(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }
}
