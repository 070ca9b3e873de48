package io.aicosttracker.jobs.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.aicosttracker.connectors.jdbc.JdbcSettings;
import io.aicosttracker.core.generate.SyntheticUsageGenerator;
import io.aicosttracker.core.pricing.PriceCatalog;
import io.aicosttracker.core.pricing.UsagePricer;
import io.aicosttracker.core.records.PricedUsage;
import io.aicosttracker.core.records.UsageEvent;
import io.aicosttracker.jobs.pipeline.PipelineOptions;
import io.aicosttracker.jobs.pipeline.RunSummary;
import io.aicosttracker.jobs.pipeline.UsageBatchJob;
import io.aicosttracker.sql.testing.PostgresTestServer;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The batch job upserting aggregates into a real PostgreSQL through the JDBC sink. */
class JdbcOutputsITCase {
  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  static PostgresTestServer pg;

  @BeforeAll
  static void start() throws IOException {
    pg = PostgresTestServer.start();
  }

  @AfterAll
  static void stop() throws IOException {
    pg.close();
  }

  @Test
  void handWrittenEventsGiveTheExpectedRows(@TempDir Path dir) throws Exception {
    String url = pg.newMigratedDatabase();
    Path input = dir.resolve("events.jsonl");
    Files.writeString(input, String.join("\n",
        event("a1", "2026-09-01T10:05:00Z", "search", "api", 0.50, 100, 2),
        event("a2", "2026-09-01T10:55:00Z", "search", "api", 0.25, 50, 1),
        event("a3", "2026-09-01T11:10:00Z", "search", "api", 1.00, 10, 3),
        event("m1", "2026-09-01T11:20:00Z", "search", "manual", 4.00, 0, 1),
        event("a2", "2026-09-01T10:55:00Z", "search", "api", 0.25, 50, 1), // re-sent: counted once
        event("b1", "2026-09-02T00:00:00Z", "chat", "api", 2.00, 7, 1),
        "{\"event_id\": \"broken\"",
        "{\"event_id\":\"x1\",\"timestamp\":\"2026-09-01T10:00:00Z\",\"model\":\"m\",\"project\":\"p\",\"source\":\"api\"}",
        "[1, 2]") + "\n");

    run(input, dir.resolve("out"), url);

    // rejected lines of a file carry no time: counted in the hour they were rejected in
    assertThat(query(url, "SELECT origin, reason, count, bucket_start = date_trunc('hour', bucket_start)"
            + " AND bucket_start > now() - interval '2 hours' FROM dead_letter_counts ORDER BY reason"))
        .containsExactly(input + "|invalid_json|2|t", input + "|missing_field|1|t");

    assertThat(query(url, "SELECT window_start, source, events, requests, input_tokens, cost_usd FROM usage_hourly ORDER BY 1, 2"))
        .containsExactly(
            "2026-09-01 10:00:00+00|api|2|3|150|0.7500000000",
            "2026-09-01 11:00:00+00|api|1|3|10|1.0000000000",
            "2026-09-01 11:00:00+00|manual|1|1|0|4.0000000000",
            "2026-09-02 00:00:00+00|api|1|1|7|2.0000000000");
    assertThat(query(url, "SELECT window_start, project, source, events, cost_usd, first_event_time, last_event_time FROM usage_daily ORDER BY 1, 3"))
        .containsExactly(
            "2026-09-01 00:00:00+00|search|api|3|1.7500000000|2026-09-01 10:05:00+00|2026-09-01 11:10:00+00",
            "2026-09-01 00:00:00+00|search|manual|1|4.0000000000|2026-09-01 11:20:00+00|2026-09-01 11:20:00+00",
            "2026-09-02 00:00:00+00|chat|api|1|2.0000000000|2026-09-02 00:00:00+00|2026-09-02 00:00:00+00");
  }

  @Test
  void generatedUsageMatchesIndependentSumsAndAReplayLeavesTheSameRows(@TempDir Path dir) throws Exception {
    String url = pg.newMigratedDatabase();
    long start = LocalDate.parse("2026-09-01").atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    Path input = dir.resolve("events.jsonl");
    List<UsageEvent> events = new ArrayList<>();
    new SyntheticUsageGenerator(7, start, 3, 0.0, PriceCatalog.builtIn()).generate(3000, 0, e -> {
      UsageEvent copy = new UsageEvent();
      copy.copyFrom(e);
      events.add(copy);
    });
    try (Writer w = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
      new SyntheticUsageGenerator(7, start, 3, 0.0, PriceCatalog.builtIn()).writeTo(w, false, 3000, 0);
    }

    RunSummary summary = run(input, dir.resolve("out"), url);
    assertThat(summary.accepted()).isEqualTo(events.size());

    // independent expectation: plain Java sums per UTC day and key
    UsagePricer pricer = new UsagePricer(PriceCatalog.builtIn());
    Map<String, double[]> expected = new TreeMap<>();
    for (UsageEvent e : events) {
      PricedUsage p = pricer.price(e);
      String day = Instant.ofEpochMilli(e.timestamp).atZone(ZoneOffset.UTC).toLocalDate().toString();
      double[] sums = expected.computeIfAbsent(String.join("|", day, e.project, e.provider, e.model, e.source), k -> new double[4]);
      sums[0] += 1;
      sums[1] += e.requests;
      sums[2] += e.cacheReadTokens;
      sums[3] += p.costUsd;
    }
    Map<String, double[]> actual = new TreeMap<>();
    try (Connection c = PostgresTestServer.connectUrl(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT (window_start AT TIME ZONE 'UTC')::date, project, provider, model, source,"
            + " events, requests, cache_read_tokens, cost_usd FROM usage_daily")) {
      while (rs.next()) {
        actual.put(String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
            new double[] {rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getDouble(9)});
      }
    }
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    for (String key : expected.keySet()) {
      double[] e = expected.get(key);
      double[] a = actual.get(key);
      assertThat(a[0]).as(key + " events").isEqualTo(e[0]);
      assertThat(a[1]).as(key + " requests").isEqualTo(e[1]);
      assertThat(a[2]).as(key + " cache reads").isEqualTo(e[2]);
      assertThat(a[3]).as(key + " cost").isCloseTo(e[3], within(1e-6));
    }
    double hourlyTotal = Double.parseDouble(query(url, "SELECT sum(cost_usd) FROM usage_hourly").get(0));
    double expectedTotal = expected.values().stream().mapToDouble(v -> v[3]).sum();
    assertThat(hourlyTotal).isCloseTo(expectedTotal, within(1e-5));
    assertThat(query(url, "SELECT count(*) FROM usage_daily WHERE cache_read_tokens > 0 AND cache_savings_usd > 0")).isNotEqualTo(List.of("0"));

    List<String> hourlyBefore = query(url, "SELECT * FROM usage_hourly ORDER BY window_start, project, provider, model, source");
    List<String> dailyBefore = query(url, "SELECT * FROM usage_daily ORDER BY window_start, project, provider, model, source");
    run(input, dir.resolve("out"), url);
    // identical values, and even updated_at untouched: the upsert skips unchanged rows
    assertThat(query(url, "SELECT * FROM usage_hourly ORDER BY window_start, project, provider, model, source")).isEqualTo(hourlyBefore);
    assertThat(query(url, "SELECT * FROM usage_daily ORDER BY window_start, project, provider, model, source")).isEqualTo(dailyBefore);
  }

  @Test
  void aDatabaseThatIsDownOrNotMigratedFailsAtStartWithOneLine() throws Exception {
    JdbcSettings down = new JdbcSettings("jdbc:postgresql://127.0.0.1:1/costs?password=pw123", "costs", "s3cret");
    assertThatThrownBy(() -> new JdbcOutputs(down, new PipelineOptions().catalog).checkReady())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/costs?...")
        .hasMessageNotContaining("pw123")
        .hasMessageNotContaining("s3cret");
    assertThat(down.toString()).doesNotContain("s3cret").doesNotContain("pw123");

    String empty = pg.newDatabase();
    assertThatThrownBy(() -> new JdbcOutputs(new JdbcSettings(empty, PostgresTestServer.SUPERUSER, null), new PipelineOptions().catalog).checkReady())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("lacks table(s) [usage_hourly, usage_daily]")
        .hasMessageContaining("cost-tracker db migrate");
  }

  @Test
  void alertsBudgetStatusAndForecastsReachTheirTables(@TempDir Path dir) throws Exception {
    String url = pg.newMigratedDatabase();
    List<String> lines = new ArrayList<>();
    // 20 days of $0.30 a day for "search", then one day that spends $12 of a $10 daily budget
    for (int d = 0; d < 20; d++) lines.add(event("d" + d, String.format("2026-09-%02dT09:00:00Z", d + 1), "search", "api", 0.30, 10, 1));
    for (int i = 0; i < 4; i++) lines.add(event("big" + i, "2026-09-21T1" + i + ":00:00Z", "search", "api", 3.00, 10, 1));
    lines.add("{\"event_id\":\"u1\",\"timestamp\":\"2026-09-21T12:00:00Z\",\"provider\":\"selfhosted\",\"model\":\"llama-x\","
        + "\"project\":\"search\",\"input_tokens\":5,\"source\":\"api\"}");
    Path input = dir.resolve("events.jsonl");
    Files.writeString(input, String.join("\n", lines) + "\n");
    List<io.aicosttracker.core.budget.Budget> budgets = io.aicosttracker.core.budget.BudgetConfigLoader.fromTree(
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(
            "{\"budgets\":[{\"id\":\"search-daily\",\"amount_usd\":10,\"period\":\"daily\",\"time_zone\":\"UTC\",\"scope\":{\"project\":\"search\"}}]}"));
    JdbcSettings settings = new JdbcSettings(url, PostgresTestServer.SUPERUSER, null);
    PipelineOptions options = new PipelineOptions();
    OutputPlan plan = new OutputPlan()
        .derivedFilesIn(dir.resolve("out"))
        .jdbc(settings, options.catalog)
        .alerts(new io.aicosttracker.jobs.alerts.AlertStage(budgets, null, options.allowedLateness))
        .forecasts(new int[] {30});
    new UsageBatchJob(List.of(input), dir.resolve("out"), options, 2).writePricedEvents(false).attach(plan).run();

    assertThat(query(url, "SELECT threshold_value FROM alerts WHERE kind = 'BUDGET_THRESHOLD' AND state = 'ALERT' AND budget_id = 'search-daily'"
            + " AND period_start = '2026-09-21T00:00:00Z' ORDER BY threshold_value DESC LIMIT 1"))
        .containsExactly("10");
    assertThat(query(url, "SELECT provider, model FROM alerts WHERE kind = 'UNPRICED_USAGE'")).containsExactly("selfhosted|llama-x");
    // statuses are as of hourly boundaries: the 13:00 status holds the three $3 events before it
    assertThat(query(url, "SELECT max(spend_usd)::float8 FROM budget_status WHERE budget_id = 'search-daily' AND period_start = '2026-09-21T00:00:00Z'"))
        .containsExactly("9");
    assertThat(query(url, "SELECT count(*) > 0, bool_and(expected_usd > 0) FROM forecast_horizons WHERE scope = 'all' AND horizon_days = 30 AND status = 'ok'"))
        .containsExactly("t|t");
    assertThat(query(url, "SELECT count(DISTINCT target_day) FROM forecasts WHERE scope = 'all' AND issued_for = (SELECT max(issued_for) FROM forecasts)"))
        .containsExactly("30");
  }

  private static RunSummary run(Path input, Path out, String url) throws Exception {
    JdbcSettings settings = new JdbcSettings(url, PostgresTestServer.SUPERUSER, null);
    new JdbcOutputs(settings, new PipelineOptions().catalog).checkReady();
    // the plan the CLI's batch run uses: aggregates and dead-letter counts
    OutputPlan tables = new OutputPlan().jdbc(settings, new PipelineOptions().catalog);
    return new UsageBatchJob(List.of(input), out, new PipelineOptions(), 2).writePricedEvents(false).attach(tables).run();
  }

  private static String event(String id, String ts, String project, String source, double cost, long input, long requests) {
    return "{\"event_id\":\"" + id + "\",\"timestamp\":\"" + ts + "\",\"provider\":\"openai\",\"model\":\"gpt-4o\","
        + "\"project\":\"" + project + "\",\"input_tokens\":" + input + ",\"output_tokens\":1,\"requests\":" + requests
        + ",\"cost_usd\":" + cost + ",\"source\":\"" + source + "\"}";
  }

  static List<String> query(String url, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = PostgresTestServer.connectUrl(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= md.getColumnCount(); i++) b.append(i > 1 ? "|" : "").append(rs.getString(i));
        rows.add(b.toString());
      }
    }
    return rows;
  }
}
