package io.aicosttracker.core.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aicosttracker.core.records.UsageEvent;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsageEventParserTest {
  private static final long NOW = OffsetDateTime.parse("2026-12-01T00:00:00Z").toInstant().toEpochMilli();
  private final UsageEventParser parser = new UsageEventParser(4096, 24L * 3600 * 1000, () -> NOW);

  private static final String VALID =
      "{\"event_id\":\"e-1\",\"timestamp\":\"2026-11-05T23:30:00+02:00\",\"provider\":\"openai\",\"model\":\"gpt-4o\","
          + "\"project\":\"search\",\"team\":\"discovery\",\"user\":\"u1\",\"api_key_id\":\"k1\",\"environment\":\"prod\","
          + "\"operation\":\"chat\",\"input_tokens\":1000,\"output_tokens\":100,\"cache_read_tokens\":300,"
          + "\"cache_write_tokens\":100,\"reasoning_tokens\":20,\"requests\":2,\"cost_usd\":0.0035,\"source\":\"api\","
          + "\"tags\":{\"feature\":\"autocomplete\"},\"some_future_field\":{\"x\":[1,2]}}";

  private UsageEvent parse(String json) throws InvalidEventException {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    return parser.parseJson(b, 0, b.length);
  }

  private String error(String json) {
    try {
      parse(json);
    } catch (InvalidEventException e) {
      return e.getMessage();
    }
    throw new AssertionError("accepted: " + json);
  }

  private static String with(String field, String rawValue) {
    return VALID.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[-0-9.]+|\\{[^}]*\\})", "\"" + field + "\":" + rawValue);
  }

  private static String without(String field) {
    return VALID.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[-0-9.]+|\\{[^}]*\\}),", "");
  }

  @Test
  void parsesEveryFieldAndIgnoresUnknownOnes() throws Exception {
    UsageEvent e = parse(VALID);
    assertThat(e.eventId).isEqualTo("e-1");
    assertThat(e.timestamp).isEqualTo(OffsetDateTime.parse("2026-11-05T21:30:00Z").toInstant().toEpochMilli());
    assertThat(e.provider).isEqualTo("openai");
    assertThat(e.model).isEqualTo("gpt-4o");
    assertThat(e.project).isEqualTo("search");
    assertThat(e.team).isEqualTo("discovery");
    assertThat(e.user).isEqualTo("u1");
    assertThat(e.apiKeyId).isEqualTo("k1");
    assertThat(e.environment).isEqualTo("prod");
    assertThat(e.inputTokens).isEqualTo(1000);
    assertThat(e.outputTokens).isEqualTo(100);
    assertThat(e.cacheReadTokens).isEqualTo(300);
    assertThat(e.cacheWriteTokens).isEqualTo(100);
    assertThat(e.reasoningTokens).isEqualTo(20);
    assertThat(e.requests).isEqualTo(2);
    assertThat(e.reportedCostUsd).isEqualTo(0.0035);
    assertThat(e.source).isEqualTo("api");
    assertThat(e.tagsJson).isEqualTo("{\"feature\":\"autocomplete\"}");
  }

  @Test
  void offsetsNameTheSameInstant() throws Exception {
    long z = parse(with("timestamp", "\"2026-11-05T21:30:00Z\"")).timestamp;
    long plus2 = parse(with("timestamp", "\"2026-11-05T23:30:00+02:00\"")).timestamp;
    long minus5 = parse(with("timestamp", "\"2026-11-05T16:30:00-05:00\"")).timestamp;
    assertThat(plus2).isEqualTo(z);
    assertThat(minus5).isEqualTo(z);
  }

  @Test
  void optionalFieldsDefault() throws Exception {
    UsageEvent e =
        parse("{\"event_id\":\"m\",\"timestamp\":\"2026-11-01T00:00:00Z\",\"provider\":\"openai\",\"model\":\"gpt-4o\",\"project\":\"p\",\"source\":\"manual\"}");
    assertThat(e.requests).isEqualTo(1);
    assertThat(e.operation).isEqualTo("chat");
    assertThat(e.reportedCostUsd).isNull();
    assertThat(e.inputTokens).isZero();
  }

  @ParameterizedTest
  @CsvSource({"event_id", "timestamp", "provider", "model", "project", "source"})
  void requiredFieldMissing(String field) {
    assertThat(error(without(field))).isEqualTo("missing required field '" + field + "'");
  }

  @Test
  void requiredFieldEmpty() {
    assertThat(error(with("project", "\" \""))).isEqualTo("field 'project' must not be empty");
  }

  @ParameterizedTest
  @CsvSource({"input_tokens", "output_tokens", "cache_read_tokens", "cache_write_tokens", "reasoning_tokens"})
  void countsMustBeNonNegative(String field) {
    assertThat(error(with(field, "-1"))).isEqualTo("field '" + field + "' must be an integer >= 0, got -1");
  }

  @Test
  void countsMustBeIntegers() {
    assertThat(error(with("output_tokens", "1.5"))).isEqualTo("field 'output_tokens' must be an integer >= 0, got 1.5");
    assertThat(error(with("output_tokens", "\"12\""))).isEqualTo("field 'output_tokens' must be an integer >= 0, got '12'");
    assertThat(error(with("input_tokens", "99999999999999999999999"))).isEqualTo("field 'input_tokens' is out of range");
  }

  @Test
  void requestsAtLeastOne() {
    assertThat(error(with("requests", "0"))).isEqualTo("field 'requests' must be an integer >= 1, got 0");
  }

  @Test
  void cachePartsWithinInput() {
    assertThat(error(with("cache_read_tokens", "950")))
        .isEqualTo("cache_read_tokens + cache_write_tokens (1050) exceed input_tokens (1000)");
  }

  @Test
  void costNonNegative() {
    assertThat(error(with("cost_usd", "-0.01"))).isEqualTo("field 'cost_usd' must be a number >= 0, got -0.01");
    assertThat(error(with("cost_usd", "\"free\""))).isEqualTo("field 'cost_usd' must be a number >= 0, got 'free'");
  }

  @Test
  void sourceIsApiOrManual() {
    assertThat(error(with("source", "\"spreadsheet\""))).isEqualTo("field 'source' must be 'api' or 'manual', got 'spreadsheet'");
  }

  @Test
  void timestampNeedsAnOffset() {
    assertThat(error(with("timestamp", "\"2026-11-05T21:30:00\"")))
        .startsWith("field 'timestamp': '2026-11-05T21:30:00' is not an RFC 3339 timestamp with offset");
    assertThat(error(with("timestamp", "\"2026-02-30T21:30:00Z\""))).contains("day out of range");
    assertThat(error(with("timestamp", "1700000000"))).isEqualTo("field 'timestamp' must be a string");
  }

  @Test
  void timestampNotFarInTheFuture() {
    assertThat(error(with("timestamp", "\"2026-12-03T00:00:00Z\""))).isEqualTo("field 'timestamp' is more than 24h in the future");
  }

  @Test
  void recordSizeIsBounded() {
    String big = with("user", "\"" + "x".repeat(5000) + "\"");
    assertThat(error(big)).isEqualTo("record of " + big.length() + " bytes exceeds the limit of 4096 bytes");
  }

  @Test
  void malformedInput() {
    assertThat(error("{\"event_id\": \"x\"")).isEqualTo("malformed JSON: unexpected end of input");
    assertThat(error("[1,2]")).isEqualTo("expected a JSON object");
    assertThat(error("   ")).isEqualTo("empty record");
    assertThat(error("{\"a\":1} {\"b\":2}")).isEqualTo("trailing content after the JSON object");
    assertThat(error("{nope}")).startsWith("malformed JSON:");
    assertThat(error(with("tags", "\"x\""))).isEqualTo("field 'tags' must be an object");
  }

  @Test
  void csvRowsUseTheHeaderNames() throws Exception {
    String[] header = {"event_id", "timestamp", "provider", "model", "project", "input_tokens", "cost_usd", "source", "tags", "extra"};
    UsageEvent e =
        parser.parseCsv(header, new String[] {"c-1", "2026-11-01T10:00:00+02:00", "anthropic", "claude-3-5-sonnet", "p", "10", "", "api", "{\"a\":\"b\"}", "ignored"});
    assertThat(e.eventId).isEqualTo("c-1");
    assertThat(e.inputTokens).isEqualTo(10);
    assertThat(e.reportedCostUsd).isNull();
    assertThat(e.tagsJson).isEqualTo("{\"a\":\"b\"}");
    assertThatThrownBy(() -> parser.parseCsv(header, new String[] {"a"}))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("CSV row has 1 cells, the header names 10");
    assertThatThrownBy(() -> parser.parseCsv(header, new String[] {"c-1", "2026-11-01T10:00:00Z", "a", "m", "p", "ten", "", "api", "", ""}))
        .hasMessage("field 'input_tokens' must be an integer >= 0, got 'ten'");
  }
}
