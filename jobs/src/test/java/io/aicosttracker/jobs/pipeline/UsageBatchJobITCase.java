package io.aicosttracker.jobs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aicosttracker.core.generate.SyntheticUsageGenerator;
import io.aicosttracker.jobs.cli.CostTrackerCli;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the batch job on a MiniCluster over a generated file plus hand-written edge cases and
 * checks its aggregates against sums this test computes on its own (Jackson databind,
 * {@code OffsetDateTime}, and a flat price list it applies itself).
 */
class UsageBatchJobITCase {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  // per million tokens, for every model of the four catalog providers; selfhosted stays unpriced
  private static final double IN = 1.0, CACHE_READ = 0.1, CACHE_WRITE = 1.25, OUT = 2.0;
  private static final String CATALOG_TEMPLATE =
      "{\"id\":\"%s\",\"name\":\"%s\",\"pricing_urls\":[],\"api_pattern\":\"x\",\"models\":[{\"id\":\"flat\",\"match\":{\"regex\":\".*\"},"
          + "\"prices\":{\"input_mtok\":1.0,\"cache_read_mtok\":0.1,\"cache_write_mtok\":1.25,\"output_mtok\":2.0}}]}";

  @TempDir static Path dir;
  static Path out;
  static RunSummary summary;
  static List<String> rawLines = new ArrayList<>();
  static int badLines;
  static int resent;

  @BeforeAll
  static void runJob() throws Exception {
    Path generated = dir.resolve("events.jsonl");
    StringWriter w = new StringWriter();
    new SyntheticUsageGenerator(3, Instant.parse("2026-10-01T00:00:00Z").toEpochMilli(), 20, 0.5, null).writeTo(w, false, 8_000, 2);
    Files.writeString(generated, w.toString());
    rawLines.addAll(w.toString().lines().toList());

    // a second file: the same events loaded twice, out of order, offsets around midnight, bad lines
    List<String> second = new ArrayList<>();
    List<String> firstFifty = new ArrayList<>(rawLines.subList(100, 150));
    java.util.Collections.reverse(firstFifty);
    second.addAll(firstFifty);
    resent = firstFifty.size();
    String edge =
        "{\"event_id\":\"edge-%d\",\"timestamp\":\"%s\",\"provider\":\"anthropic\",\"model\":\"claude-x\",\"project\":\"edge\","
            + "\"input_tokens\":%d,\"output_tokens\":7,\"cache_read_tokens\":3,\"source\":\"manual\"}";
    // 23:30+02:00 is 21:30Z (same UTC day), 01:30+02:00 is 23:30Z of the previous UTC day
    String[] times = {"2026-10-05T01:30:00+02:00", "2026-10-04T23:30:00+02:00", "2026-10-05T00:10:00Z", "2026-10-04T23:59:59.999-00:00"};
    for (int i = 0; i < times.length; i++) second.add(String.format(edge, i, times[i], 100 + i));
    List<String> bad =
        List.of(
            "{\"event_id\":\"bad-1\"",
            "not json",
            "{\"event_id\":\"bad-2\",\"timestamp\":\"2026-10-05T00:00:00Z\",\"provider\":\"openai\",\"model\":\"gpt-4o\",\"project\":\"p\",\"input_tokens\":-3,\"source\":\"api\"}",
            "{\"event_id\":\"bad-3\",\"timestamp\":\"2026-10-05T00:00:00\",\"provider\":\"openai\",\"model\":\"gpt-4o\",\"project\":\"p\",\"source\":\"api\"}");
    second.addAll(bad);
    badLines = bad.size();
    Files.write(dir.resolve("replay.jsonl"), second, StandardCharsets.UTF_8);
    rawLines.addAll(second);

    StringBuilder catalog = new StringBuilder("[");
    String[] providers = {"openai", "anthropic", "google", "mistral"};
    for (int i = 0; i < providers.length; i++) catalog.append(i > 0 ? "," : "").append(String.format(CATALOG_TEMPLATE, providers[i], providers[i]));
    Path prices = dir.resolve("flat-prices.json");
    Files.writeString(prices, catalog.append("]").toString());

    PipelineOptions options = new PipelineOptions();
    options.catalog = CatalogSpec.withCustom(prices, true);
    out = dir.resolve("out");
    summary = new UsageBatchJob(List.of(generated, dir.resolve("replay.jsonl")), out, options, 2).run();
  }

  /** Expected sums, computed from the raw lines without the job's parser or pricer. */
  private static Map<String, double[]> expected(ChronoUnit unit) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    Set<String> seen = new HashSet<>();
    Map<String, double[]> sums = new HashMap<>();
    for (String line : rawLines) {
      JsonNode n;
      try {
        n = mapper.readTree(line);
      } catch (Exception e) {
        continue;
      }
      if (n == null || !n.has("source") || n.path("input_tokens").asLong(0) < 0 || !n.path("timestamp").asText().matches(".*(Z|[+-]\\d\\d:\\d\\d)$")) continue;
      if (!seen.add(n.get("event_id").asText())) continue;
      Instant t = OffsetDateTime.parse(n.get("timestamp").asText()).toInstant().truncatedTo(unit);
      String provider = n.get("provider").asText();
      String key = t + "," + n.get("project").asText() + "," + provider + "," + n.get("model").asText() + "," + n.get("source").asText();
      long in = n.path("input_tokens").asLong(), cr = n.path("cache_read_tokens").asLong(), cw = n.path("cache_write_tokens").asLong();
      long o = n.path("output_tokens").asLong();
      boolean priced = Set.of("openai", "anthropic", "google", "mistral").contains(provider);
      double cost = n.has("cost_usd") ? n.get("cost_usd").asDouble() : priced ? ((in - cr - cw) * IN + cr * CACHE_READ + cw * CACHE_WRITE + o * OUT) / 1e6 : 0;
      double[] s = sums.computeIfAbsent(key, k -> new double[5]);
      s[0] += n.path("requests").asLong(1);
      s[1] += in;
      s[2] += o;
      s[3] += cost;
      s[4] += (!n.has("cost_usd") && !priced) ? 1 : 0;
    }
    return sums;
  }

  private static Map<String, double[]> actual(String sub) throws Exception {
    Map<String, double[]> rows = new HashMap<>();
    List<Path> parts;
    try (Stream<Path> s = Files.walk(out.resolve(sub))) {
      parts = s.filter(p -> p.toString().endsWith(".csv")).toList();
    }
    assertThat(parts).isNotEmpty();
    for (Path p : parts) {
      List<String> lines = Files.readAllLines(p);
      assertThat(lines.get(0))
          .isEqualTo("window_start,project,provider,model,source,requests,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens,reasoning_tokens,cost_usd,unpriced_events");
      for (String line : lines.subList(1, lines.size())) {
        String[] c = line.split(",");
        String key = String.join(",", c[0], c[1], c[2], c[3], c[4]);
        assertThat(rows).as("one row per window and key").doesNotContainKey(key);
        rows.put(key, new double[] {Double.parseDouble(c[5]), Double.parseDouble(c[6]), Double.parseDouble(c[7]), Double.parseDouble(c[11]), Double.parseDouble(c[12])});
      }
    }
    return rows;
  }

  private static void assertAggregatesMatch(String sub, ChronoUnit unit) throws Exception {
    Map<String, double[]> exp = expected(unit);
    Map<String, double[]> act = actual(sub);
    assertThat(act.keySet()).isEqualTo(exp.keySet());
    for (Map.Entry<String, double[]> e : exp.entrySet()) {
      double[] a = act.get(e.getKey());
      for (int i = 0; i < 5; i++) {
        assertThat(a[i]).as(sub + " " + e.getKey() + " column " + i).isCloseTo(e.getValue()[i], within(1e-9 + 1e-9 * Math.abs(e.getValue()[i])));
      }
    }
  }

  @Test
  void dailyAggregatesMatchIndependentSums() throws Exception {
    assertAggregatesMatch("usage-daily", ChronoUnit.DAYS);
  }

  @Test
  void hourlyAggregatesMatchIndependentSums() throws Exception {
    assertAggregatesMatch("usage-hourly", ChronoUnit.HOURS);
  }

  @Test
  void offsetsNearMidnightLandInTheirUtcDay() throws Exception {
    Map<String, double[]> daily = actual("usage-daily");
    // edge-0 (01:30+02:00) and edge-1 (23:30+02:00 = 21:30Z) and edge-3 (23:59:59.999Z) are on 10-04 UTC; edge-2 on 10-05
    assertThat(daily.get("2026-10-04T00:00:00Z,edge,anthropic,claude-x,manual")[1]).isEqualTo(100 + 101 + 103);
    assertThat(daily.get("2026-10-05T00:00:00Z,edge,anthropic,claude-x,manual")[1]).isEqualTo(102);
  }

  @Test
  void countsReconcileAndDeadLettersCarryReasons() throws Exception {
    long nonBlank = rawLines.stream().filter(l -> !l.isBlank()).count();
    assertThat(summary.read()).isEqualTo(nonBlank);
    assertThat(summary.duplicates()).isEqualTo(resent);
    assertThat(summary.deadLettered()).isEqualTo(badLines);
    assertThat(summary.accepted()).isEqualTo(nonBlank - resent - badLines);
    assertThat(summary.reconciles()).isTrue();
    assertThat(summary.unpriced()).isEqualTo((long) expected(ChronoUnit.DAYS).values().stream().mapToDouble(v -> v[4]).sum());
    assertThat(summary.unpriced()).isPositive();

    List<String> dead = readAll("dead-letters");
    assertThat(dead).hasSize(badLines);
    ObjectMapper m = new ObjectMapper();
    Map<String, String> errorByLine = new HashMap<>();
    for (String d : dead) {
      JsonNode n = m.readTree(d);
      assertThat(n.get("file").asText()).endsWith("replay.jsonl");
      errorByLine.put(n.get("line").asText(), n.get("error").asText());
    }
    int firstBad = resent + 4 + 1;
    assertThat(errorByLine.get(String.valueOf(firstBad))).isEqualTo("malformed JSON: unexpected end of input");
    assertThat(errorByLine.get(String.valueOf(firstBad + 2))).isEqualTo("field 'input_tokens' must be an integer >= 0, got -3");
    assertThat(errorByLine.get(String.valueOf(firstBad + 3))).contains("is not an RFC 3339 timestamp with offset");
  }

  @Test
  void pricedEventsCarryCostBasis() throws Exception {
    List<String> priced = readAll("priced-events");
    assertThat(priced).hasSize((int) summary.accepted());
    ObjectMapper m = new ObjectMapper();
    Map<String, Integer> bases = new HashMap<>();
    for (String line : priced) {
      JsonNode n = m.readTree(line);
      bases.merge(n.get("cost_basis").asText(), 1, Integer::sum);
      if (n.get("cost_basis").asText().equals("catalog")) assertThat(n.get("price_model_id").asText()).isEqualTo("flat");
      if (n.get("cost_basis").asText().equals("unpriced")) assertThat(n.get("cost_usd").asDouble()).isZero();
    }
    assertThat(bases.keySet()).containsExactlyInAnyOrder("catalog", "provider_reported", "unpriced");
  }

  @Test
  void cliRunExitsZeroAndPrintsTheSummary() throws Exception {
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    java.io.PrintStream old = System.out;
    System.setOut(new java.io.PrintStream(buf, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = CostTrackerCli.execute("run", "--input", dir.resolve("replay.jsonl").toString(), "--out", dir.resolve("cli-out").toString());
    } finally {
      System.setOut(old);
    }
    assertThat(code).isZero();
    assertThat(buf.toString(StandardCharsets.UTF_8)).contains("read           58").contains("reconciled     yes").contains("top models by cost:");
  }

  private static List<String> readAll(String sub) throws Exception {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> s = Files.walk(out.resolve(sub))) {
      for (Path p : s.filter(Files::isRegularFile).toList()) lines.addAll(Files.readAllLines(p));
    }
    return lines;
  }
}
