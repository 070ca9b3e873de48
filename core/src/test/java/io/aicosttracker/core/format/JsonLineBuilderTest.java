package io.aicosttracker.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aicosttracker.core.records.PricedUsage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonLineBuilderTest {
  private static final JsonFactory FAST_DOUBLES =
      JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
  private static final byte[] S = JsonLineBuilder.name("s");
  private static final byte[] D = JsonLineBuilder.name("d");
  private static final byte[] L = JsonLineBuilder.name("l");
  private static final byte[] B = JsonLineBuilder.name("b");
  private static final byte[] R = JsonLineBuilder.name("r");

  /** Text with quotes, backslashes, every control character, 2- and 3-byte chars and emoji. */
  private static String randomText(SplittableRandom r) {
    String alphabet = "ab\"\\/\u007f\u00e9\u00fc\u20ac\u4e2d\uffff";
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(40);
    for (int i = 0; i < n; i++) {
      int k = r.nextInt(10);
      if (k < 5 || i % 7 == 0) sb.append((char) ('a' + r.nextInt(26)));
      else if (k < 7) sb.append((char) r.nextInt(0x20));
      else if (k < 9) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
      else sb.appendCodePoint(0x1F600 + r.nextInt(50));
    }
    return sb.toString();
  }

  @Test
  void writesTheSameBytesAsJacksonsGenerator() throws Exception {
    SplittableRandom r = new SplittableRandom(17);
    for (int i = 0; i < 5_000; i++) {
      String text = randomText(r);
      double d = i % 3 == 0 ? r.nextDouble() * 1e-3 : i % 3 == 1 ? r.nextLong() / 1e4 : Math.scalb(r.nextDouble(), r.nextInt(-60, 60));
      long l = i == 0 ? Long.MIN_VALUE : i == 1 ? 0 : i % 4 == 0 ? r.nextInt(1000) - 500 : r.nextLong();
      boolean bool = r.nextBoolean();

      ByteArrayOutputStream jackson = new ByteArrayOutputStream();
      try (JsonGenerator g = FAST_DOUBLES.createGenerator(jackson)) {
        g.writeStartObject();
        g.writeStringField("s", text);
        g.writeNumberField("d", d);
        g.writeNumberField("l", l);
        g.writeBooleanField("b", bool);
        g.writeFieldName("r");
        g.writeRawValue("{\"k\":[1,2]}");
        g.writeEndObject();
      }
      jackson.write('\n');

      ByteArrayOutputStream ours = new ByteArrayOutputStream();
      new JsonLineBuilder().start().string(S, text).number(D, d).number(L, l).bool(B, bool).raw(R, "{\"k\":[1,2]}").endLine(ours);
      assertThat(ours.toString(StandardCharsets.UTF_8)).as("text %s", text).isEqualTo(jackson.toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  void aRepeatedDoubleIsWrittenAsFormattedAndADifferentOneIsNot() {
    // one builder for all lines: the last formatted value is reused only for the same bits
    JsonLineBuilder b = new JsonLineBuilder();
    double[] values = {0.1, 0.1, 0.2, 0.0, -0.0, -0.0, 1e-12, 1.0000000000000002, 1.0, 1.0, Double.MIN_VALUE, 0.30000000000000004};
    for (int i = 0; i + 1 < values.length; i++) {
      String line = b.start().number(D, values[i]).number(S, values[i + 1]).endToString();
      assertThat(line)
          .isEqualTo("{\"d\":" + com.fasterxml.jackson.core.io.NumberOutput.toString(values[i], true)
              + ",\"s\":" + com.fasterxml.jackson.core.io.NumberOutput.toString(values[i + 1], true) + "}");
    }
  }

  @Test
  void recurringValuesWriteTheSameBytesAsPlainStrings() {
    // one builder for all lines, so its cache fills, collides and is hit by equal, non-identical strings
    JsonLineBuilder cached = new JsonLineBuilder();
    SplittableRandom r = new SplittableRandom(23);
    String[] pool = new String[3_000];
    for (int i = 0; i < pool.length; i++) pool[i] = i % 5 == 0 ? "x".repeat(70 + i % 9) : randomText(r);
    for (int i = 0; i < 20_000; i++) {
      String value = new String(pool[r.nextInt(pool.length)].toCharArray());
      String expected = new JsonLineBuilder().start().string(S, value).string(D, null).endToString();
      assertThat(cached.start().recurring(S, value).recurring(D, null).endToString()).as("text %s", value).isEqualTo(expected);
    }
  }

  @Test
  void timestampsWriteWhatRfc3339FormatsIncludingDayChangesAndOddYears() {
    JsonLineBuilder b = new JsonLineBuilder();
    SplittableRandom r = new SplittableRandom(31);
    long[] fixed = {0L, -1L, 1L, 999L, 1000L, 86_399_999L, 86_400_000L, -86_400_000L, -62_167_219_200_000L,
        -62_167_219_200_001L, 253_402_300_799_999L, 253_402_300_800_000L, Long.MAX_VALUE / 2, Long.MIN_VALUE / 2};
    for (int i = 0; i < 50_000; i++) {
      long millis = i < fixed.length ? fixed[i]
          : i % 3 == 0 ? 1_790_000_000_000L + r.nextLong(86_400_000L * 3)
          : i % 3 == 1 ? (r.nextLong(1000) - 500) * 1000L * 86_400L + r.nextLong(86_400_000L)
          : r.nextLong(-400_000_000_000_000L, 400_000_000_000_000L);
      String expected = "{\"s\":\"" + io.aicosttracker.core.parse.Rfc3339.formatMillis(millis) + "\"}";
      assertThat(b.start().timestamp(S, millis).endToString()).as("millis %d", millis).isEqualTo(expected);
    }
  }

  @Test
  void aLoneSurrogateBecomesAnEscapeInsteadOfFailingTheJob() throws Exception {
    String line = new JsonLineBuilder().start().string(S, "a\ud800b").endToString();
    assertThat(line).isEqualTo("{\"s\":\"a\\uD800b\"}");
    assertThat(new ObjectMapper().readTree(line).get("s").asText()).isEqualTo("a\ud800b");
  }

  @Test
  void growsPastItsInitialBuffer() {
    String big = "x".repeat(10_000) + "\u00e9".repeat(3_000);
    String line = new JsonLineBuilder().start().string(S, big).string(S, null).endToString();
    assertThat(line).isEqualTo("{\"s\":\"" + big + "\",\"s\":null}");
  }

  @Test
  void pricedEventsRoundTripThroughAJsonParser() throws Exception {
    PricedUsage p = new PricedUsage();
    p.eventId = "e-\"1\"";
    p.timestamp = 1_790_000_000_123L;
    p.provider = "openai";
    p.model = "gpt-4o";
    p.project = "search\nteam";
    p.inputTokens = 10;
    p.reportedCostUsd = 0.25;
    p.source = "api";
    p.tagsJson = "{\"feature\":\"x\"}";
    p.costUsd = 5.658E-4;
    p.costBasis = PricedUsage.BASIS_CATALOG;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    UsageJson.writePriced(p, out);
    var node = new ObjectMapper().readTree(out.toByteArray());
    assertThat(node.get("event_id").asText()).isEqualTo("e-\"1\"");
    assertThat(node.get("timestamp").asText()).isEqualTo("2026-09-21T14:13:20.123Z");
    assertThat(node.get("project").asText()).isEqualTo("search\nteam");
    assertThat(node.get("reported_cost_usd").asDouble()).isEqualTo(0.25);
    assertThat(node.get("cost_usd").asDouble()).isEqualTo(5.658E-4);
    assertThat(node.get("tags").get("feature").asText()).isEqualTo("x");
    assertThat(node.has("team")).isFalse();
    assertThat(UsageJson.toInputJson(p)).contains("\"cost_usd\":0.25").doesNotContain("reported_cost_usd");
  }
}
