package io.aicosttracker.jobs.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aicosttracker.connectors.export.ExportFormat;
import io.aicosttracker.connectors.export.ParquetCompression;
import io.aicosttracker.core.export.ExportSchema;
import io.aicosttracker.core.export.FocusSchemas;
import io.aicosttracker.core.export.NativeSchemas;
import io.aicosttracker.core.forecast.Forecast;
import io.aicosttracker.core.records.AlertEvent;
import io.aicosttracker.core.records.PricedUsage;
import io.aicosttracker.core.records.UsageEvent;
import io.aicosttracker.jobs.alerts.AlertFiles;
import io.aicosttracker.jobs.alerts.AlertStage;
import io.aicosttracker.jobs.pipeline.PipelineOptions;
import io.aicosttracker.jobs.pipeline.UsageBatchJob;
import io.aicosttracker.jobs.sinks.OutputPlan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export snapshots on a MiniCluster: each format read back by an independent reader equals the
 * source rows, DuckDB reads Parquet and CSV with matching sums, hostile names round-trip, filters
 * apply, and a failed export leaves nothing visible while a rerun gives the same rows. Alerts and
 * forecasts recorded by a run are exported as recorded, in every format.
 */
class ExportJobITCase {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  static List<UsageEvent> events;
  static List<PricedUsage> priced;
  static Path input;
  static List<AlertEvent> alerts;
  static List<Forecast> forecasts;
  static Path recordedRun;

  @BeforeAll
  static void writeInput() throws Exception {
    events = ExportTestData.events(3000);
    priced = ExportTestData.priced(events);
    input = ExportTestData.writeJsonLines(events, tmp.resolve("in/events.jsonl"));
    alerts = RecordTestData.alerts(300);
    forecasts = RecordTestData.forecasts();
    recordedRun = tmp.resolve("recorded-run");
    RecordTestData.writeRun(recordedRun, alerts, forecasts);
  }

  private static ExportSummary exportRecorded(ExportDataset dataset, ExportFormat format, Path to, ExportFilter filter) throws Exception {
    ExportSpec spec = new ExportSpec(dataset, format, ExportSchemaKind.NATIVE, ParquetCompression.SNAPPY, to.toString(), filter, true);
    return new ExportJob(List.of(recordedRun), spec, new PipelineOptions(), 2).run();
  }

  private static ExportSummary export(
      ExportDataset dataset, ExportFormat format, ExportSchemaKind schema, Path to, ExportFilter filter) throws Exception {
    ExportSpec spec = new ExportSpec(dataset, format, schema, ParquetCompression.SNAPPY, to.toString(), filter, true);
    return new ExportJob(List.of(input), spec, new PipelineOptions(), 2).run();
  }

  @Test
  void parquetReadBackWithAvroParquetReaderEqualsTheSourceRows() throws Exception {
    Path to = tmp.resolve("parquet");
    ExportSummary s = export(ExportDataset.PRICED_EVENTS, ExportFormat.PARQUET, ExportSchemaKind.NATIVE, to, ExportFilter.all());
    ExportSchema<PricedUsage> schema = NativeSchemas.pricedEvents();
    assertThat(ExportTestData.byKey(ExportTestData.readParquet(schema, to), "event_id"))
        .isEqualTo(ExportTestData.expected(schema, priced, "event_id"));
    assertThat(s.rows()).isEqualTo(priced.size());
    assertPartitionedAndManifested(to, "parquet", priced.size());
  }

  @Test
  void csvReadBackWithCommonsCsvEqualsTheSourceRowsAndGuardsFormulaCells() throws Exception {
    Path to = tmp.resolve("csv");
    export(ExportDataset.PRICED_EVENTS, ExportFormat.CSV, ExportSchemaKind.NATIVE, to, ExportFilter.all());
    ExportSchema<PricedUsage> schema = NativeSchemas.pricedEvents();
    assertThat(ExportTestData.byKey(ExportTestData.readCsv(schema, to), "event_id"))
        .isEqualTo(ExportTestData.expected(schema, priced, "event_id"));
    String all = concat(ExportTestData.files(to, "csv"));
    // formula cells start with an apostrophe inside the cell; a quoted cell keeps it after the quote
    assertThat(all).contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", ",'+SUM(A1:A2),", ",'-2+3,", ",'@cmd,", ",'\tleading tab,", "''already quoted");
    assertThat(all).contains("naïve ✓ 東京 🚀", "\"comma, \"\"quote\"\" and\nnewline\"");
    assertThat(all).doesNotContain(",=HYPERLINK", ",+SUM", ",-2+3", ",@cmd");
    assertPartitionedAndManifested(to, "csv", priced.size());
  }

  @Test
  void jsonLinesReadBackWithJacksonEqualsTheSourceRows() throws Exception {
    Path to = tmp.resolve("jsonl");
    export(ExportDataset.PRICED_EVENTS, ExportFormat.JSONL, ExportSchemaKind.NATIVE, to, ExportFilter.all());
    ExportSchema<PricedUsage> schema = NativeSchemas.pricedEvents();
    assertThat(ExportTestData.byKey(ExportTestData.readJsonLines(schema, to), "event_id"))
        .isEqualTo(ExportTestData.expected(schema, priced, "event_id"));
    assertPartitionedAndManifested(to, "jsonl", priced.size());
  }

  @Test
  void duckDbReadsParquetAndCsvAndItsSumsMatch() throws Exception {
    Path pq = tmp.resolve("duck-parquet");
    Path csv = tmp.resolve("duck-csv");
    export(ExportDataset.PRICED_EVENTS, ExportFormat.PARQUET, ExportSchemaKind.NATIVE, pq, ExportFilter.all());
    export(ExportDataset.USAGE_DAILY, ExportFormat.CSV, ExportSchemaKind.FOCUS, csv, ExportFilter.all());
    double cost = priced.stream().mapToDouble(p -> p.costUsd).sum();
    long input = priced.stream().mapToLong(p -> p.inputTokens).sum();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      ResultSet r =
          st.executeQuery(
              "SELECT count(*), sum(cost_usd), sum(input_tokens), typeof(any_value(\"timestamp\")), count(DISTINCT dt) FROM read_parquet('"
                  + pq + "/**/*.parquet', hive_partitioning = true)");
      r.next();
      assertThat(r.getLong(1)).isEqualTo(priced.size());
      assertThat(r.getDouble(2)).isCloseTo(cost, org.assertj.core.data.Offset.offset(1e-6));
      assertThat(r.getLong(3)).isEqualTo(input);
      assertThat(r.getString(4)).isEqualTo("TIMESTAMP WITH TIME ZONE");
      assertThat(r.getLong(5)).isEqualTo(3);
      r = st.executeQuery(
          "SELECT sum(BilledCost), sum(x_InputTokens), sum(x_Events), count(*) FILTER (WHERE ChargeCategory = 'Adjustment') FROM read_csv('"
              + csv + "/**/*.csv', header = true)");
      r.next();
      assertThat(r.getDouble(1)).isCloseTo(cost, org.assertj.core.data.Offset.offset(1e-6));
      assertThat(r.getLong(2)).isEqualTo(input);
      assertThat(r.getLong(3)).isEqualTo(priced.size());
      assertThat(r.getLong(4)).isEqualTo(priced.stream().filter(p -> "manual".equals(p.source)).map(p -> p.project + p.model + p.provider + p.timestamp / 86_400_000L).distinct().count());
    }
  }

  @Test
  void focusHourlyParquetCarriesChargeCategoriesAndFiltersApply() throws Exception {
    Path to = tmp.resolve("focus-hourly");
    Instant from = Instant.parse("2026-09-01T06:00:00Z");
    Instant until = Instant.parse("2026-09-02T00:00:00Z");
    List<String> projects = List.of("-2+3", "@cmd", "naïve ✓ 東京 🚀");
    export(ExportDataset.USAGE_HOURLY, ExportFormat.PARQUET, ExportSchemaKind.FOCUS, to, new ExportFilter(from, until, projects, null));
    List<Map<String, Object>> rows = ExportTestData.readParquet(FocusSchemas.aggregates("hour"), to);
    // hostile events sit at START + (i+1) h: "-2+3" at 03:00 (before --from), "@cmd" at 04:00 (manual, before), "naïve" at 08:00
    assertThat(rows).hasSize(1);
    Map<String, Object> row = rows.get(0);
    assertThat(row.get("SubAccountId")).isEqualTo("naïve ✓ 東京 🚀");
    assertThat(row.get("ChargePeriodStart")).isEqualTo(Instant.parse("2026-09-01T08:00:00Z").toEpochMilli());
    assertThat(row.get("ChargePeriodEnd")).isEqualTo(Instant.parse("2026-09-01T09:00:00Z").toEpochMilli());
    assertThat(row.get("ChargeCategory")).isEqualTo("Usage");
    assertThat(row.get("BillingCurrency")).isEqualTo("USD");
    assertThat(row.get("x_InputTokens")).isEqualTo(1007L);

    Path manual = tmp.resolve("focus-manual");
    export(ExportDataset.PRICED_EVENTS, ExportFormat.JSONL, ExportSchemaKind.FOCUS, manual, new ExportFilter(null, null, List.of(), "manual"));
    List<Map<String, Object>> manualRows = ExportTestData.readJsonLines(FocusSchemas.pricedEvents(), manual);
    assertThat(manualRows).isNotEmpty().allSatisfy(r -> assertThat(r.get("ChargeCategory")).isEqualTo("Adjustment"));
    assertThat(manualRows).hasSize((int) priced.stream().filter(p -> "manual".equals(p.source)).count());
  }

  @Test
  void aFailedExportLeavesNoVisibleFileAndARerunGivesTheSameRows() throws Exception {
    Path to = tmp.resolve("failing");
    ExportSpec spec =
        new ExportSpec(ExportDataset.PRICED_EVENTS, ExportFormat.PARQUET, ExportSchemaKind.NATIVE, ParquetCompression.ZSTD,
            to.toString(), ExportFilter.all(), true);
    ExportJob failing =
        new ExportJob(List.of(input), spec, new PipelineOptions(), 2)
            .attach(o -> o.priced().map(new FailAfter(1000)).uid("fail").name("Fail mid-export").sinkTo(new DiscardingSink<>()).uid("discard"));
    assertThatThrownBy(failing::run).hasStackTraceContaining("injected failure");
    ExportDestination dest = ExportDestination.open(to.toString(), ExportDataset.PRICED_EVENTS, ExportFormat.PARQUET);
    assertThat(dest.allPartitionFiles()).isEmpty();
    assertThat(to.resolve("_manifest.json")).doesNotExist();

    new ExportJob(List.of(input), spec, new PipelineOptions(), 2).run();
    ExportSchema<PricedUsage> schema = NativeSchemas.pricedEvents();
    Map<String, Map<String, Object>> first = ExportTestData.byKey(ExportTestData.readParquet(schema, to), "event_id");
    JsonNode manifest1 = JSON.readTree(to.resolve("_manifest.json").toFile());
    new ExportJob(List.of(input), spec, new PipelineOptions(), 2).run();
    assertThat(ExportTestData.byKey(ExportTestData.readParquet(schema, to), "event_id")).isEqualTo(first).hasSize(priced.size());
    JsonNode manifest2 = JSON.readTree(to.resolve("_manifest.json").toFile());
    assertThat(manifest2.get("partitions")).isEqualTo(manifest1.get("partitions"));
    assertThat(manifest2.get("compression").asText()).isEqualTo("zstd");
    assertThat(dest.allPartitionFiles()).allSatisfy(f -> assertThat(f).doesNotContain("inprogress"));
  }

  @Test
  void recordedAlertsExportInEveryFormatEqualToTheRecordedRowsAndDuckDbSumsMatch() throws Exception {
    ExportSchema<AlertEvent> schema = NativeSchemas.alerts();
    Map<String, Map<String, Object>> expected = ExportTestData.expected(schema, alerts, "alert_id");
    Path pq = tmp.resolve("alerts-parquet");
    Path csv = tmp.resolve("alerts-csv");
    Path jsonl = tmp.resolve("alerts-jsonl");
    ExportSummary s = exportRecorded(ExportDataset.ALERTS, ExportFormat.PARQUET, pq, ExportFilter.all());
    exportRecorded(ExportDataset.ALERTS, ExportFormat.CSV, csv, ExportFilter.all());
    exportRecorded(ExportDataset.ALERTS, ExportFormat.JSONL, jsonl, ExportFilter.all());
    assertThat(s.rows()).isEqualTo(alerts.size());
    assertThat(s.totalCostUsd()).isNull();
    assertThat(ExportTestData.byKey(ExportTestData.readParquet(schema, pq), "alert_id")).isEqualTo(expected);
    assertThat(ExportTestData.byKey(ExportTestData.readCsv(schema, csv), "alert_id")).isEqualTo(expected);
    assertThat(ExportTestData.byKey(ExportTestData.readJsonLines(schema, jsonl), "alert_id")).isEqualTo(expected);
    assertThat(concat(ExportTestData.files(csv, "csv"))).contains("\"'=HYPERLINK(", ",'-2+3 cost spike,").doesNotContain(",-2+3");
    assertRecordSnapshot(pq, "alerts", "parquet", alerts.size());

    double impact = alerts.stream().filter(a -> a.dollarImpact != null).mapToDouble(a -> a.dollarImpact).sum();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      ResultSet r = st.executeQuery(
          "SELECT count(*), sum(dollar_impact_usd), typeof(any_value(event_time)), count(DISTINCT dt), count(*) FILTER (WHERE period_start IS NULL) FROM read_parquet('"
              + pq + "/**/*.parquet', hive_partitioning = true)");
      r.next();
      assertThat(r.getLong(1)).isEqualTo(alerts.size());
      assertThat(r.getDouble(2)).isCloseTo(impact, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(r.getString(3)).isEqualTo("TIMESTAMP WITH TIME ZONE");
      assertThat(r.getLong(4)).isEqualTo(3);
      assertThat(r.getLong(5)).isEqualTo(alerts.stream().filter(a -> a.periodStart == 0).count());
      r = st.executeQuery("SELECT sum(dollar_impact_usd), count(*) FROM read_csv('" + csv + "/**/*.csv', header = true)");
      r.next();
      assertThat(r.getDouble(1)).isCloseTo(impact, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(r.getLong(2)).isEqualTo(alerts.size());
    }
  }

  @Test
  void recordedForecastsExportPartitionedByOriginDayWithFiltersAndDuckDbSumsMatch() throws Exception {
    ExportSchema<Forecast> schema = NativeSchemas.forecasts();
    Function<Map<String, Object>, String> key = r -> r.get("scope") + "|" + r.get("origin_date") + "|" + r.get("horizon_days");
    Map<String, Map<String, Object>> expected = keyed(forecasts.stream().map(f -> row(schema, f)).toList(), key);
    Path pq = tmp.resolve("forecasts-parquet");
    Path csv = tmp.resolve("forecasts-csv");
    exportRecorded(ExportDataset.FORECASTS, ExportFormat.PARQUET, pq, ExportFilter.all());
    assertThat(keyed(ExportTestData.readParquet(schema, pq), key)).isEqualTo(expected).hasSize(forecasts.size());
    assertRecordSnapshot(pq, "forecasts", "parquet", forecasts.size());

    // --from 2026-09-02 --project 'naïve ✓ 東京 🚀': origin days 2 and 3 of that project's scope only
    ExportFilter filter = new ExportFilter(Instant.parse("2026-09-02T00:00:00Z"), null, List.of("naïve ✓ 東京 🚀"), null);
    ExportSummary s = exportRecorded(ExportDataset.FORECASTS, ExportFormat.CSV, csv, filter);
    List<Map<String, Object>> rows = ExportTestData.readCsv(schema, csv);
    assertThat(rows).hasSize(4).allSatisfy(r -> {
      assertThat(r.get("scope")).isEqualTo("project:naïve ✓ 東京 🚀");
      assertThat(r.get("project")).isEqualTo("naïve ✓ 東京 🚀");
      assertThat((Long) r.get("origin_date")).isGreaterThanOrEqualTo(Instant.parse("2026-09-02T00:00:00Z").toEpochMilli());
    });
    assertThat(keyed(rows, key)).isEqualTo(expected.entrySet().stream().filter(e -> rows.stream().anyMatch(r -> key.apply(r).equals(e.getKey())))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    assertThat(s.rows()).isEqualTo(4);
    JsonNode m = JSON.readTree(csv.resolve("_manifest.json").toFile());
    assertThat(m.get("row_time_range").get("min").asText()).isEqualTo("2026-09-02T00:00:00Z");
    assertThat(m.get("row_time_range").get("max").asText()).isEqualTo("2026-09-03T00:00:00Z");

    double total = forecasts.stream().filter(Forecast::isOk).mapToDouble(f -> f.expectedTotalUsd).sum();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      ResultSet r = st.executeQuery(
          "SELECT sum(expected_total_usd), count(*) FILTER (WHERE expected_total_usd IS NULL), typeof(any_value(origin_date)),"
              + " min(date_diff('day', origin_date, horizon_end)), sum(list_sum(CAST(daily_path_usd AS DOUBLE[]))) FROM read_parquet('" + pq + "/**/*.parquet')");
      r.next();
      assertThat(r.getDouble(1)).isCloseTo(total, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(r.getLong(2)).isEqualTo(forecasts.stream().filter(f -> !f.isOk()).count());
      assertThat(r.getString(3)).isEqualTo("TIMESTAMP WITH TIME ZONE");
      assertThat(r.getLong(4)).isEqualTo(7);
      assertThat(r.getDouble(5)).isCloseTo(total, org.assertj.core.data.Offset.offset(1e-6));
    }
  }

  @Test
  void alertsAndForecastsOfARealRunExportAsTheRunRecordedThem() throws Exception {
    Path out = tmp.resolve("real-run");
    PipelineOptions options = new PipelineOptions();
    AlertStage stage = new AlertStage(List.of(), null, options.allowedLateness);
    // without the names that hold a line break: the run's own summary reads its CSV line by line
    Path runInput = ExportTestData.writeJsonLines(
        events.stream().filter(e -> !(e.project + e.model).contains("\n")).toList(), tmp.resolve("run-in/events.jsonl"));
    new UsageBatchJob(List.of(runInput), out, options, 2)
        .writePricedEvents(false)
        .attach(new OutputPlan().derivedFilesIn(out).alerts(stage).forecasts(new int[] {7}))
        .run();
    List<JsonNode> recordedAlerts = AlertFiles.read(out.resolve("alerts"));
    List<JsonNode> recordedForecasts = AlertFiles.read(out.resolve("forecasts"));
    assertThat(recordedAlerts).isNotEmpty();
    assertThat(recordedForecasts).isNotEmpty();

    Path alertsTo = tmp.resolve("real-alerts");
    ExportSpec spec = new ExportSpec(ExportDataset.ALERTS, ExportFormat.JSONL, ExportSchemaKind.NATIVE, ParquetCompression.SNAPPY,
        alertsTo.toString(), ExportFilter.all(), true);
    new ExportJob(List.of(out), spec, options, 2).run();
    List<Map<String, Object>> exported = ExportTestData.readJsonLines(NativeSchemas.alerts(), alertsTo);
    assertThat(ids(exported, r -> r.get("alert_id") + " " + r.get("kind") + " " + Instant.ofEpochMilli((Long) r.get("event_time"))))
        .isEqualTo(recordedAlerts.stream().map(n -> n.get("alert_id").asText() + " " + n.get("kind").asText() + " " + n.get("event_time").asText())
            .collect(Collectors.toCollection(TreeSet::new)));

    Path forecastsTo = tmp.resolve("real-forecasts");
    spec = new ExportSpec(ExportDataset.FORECASTS, ExportFormat.PARQUET, ExportSchemaKind.NATIVE, ParquetCompression.ZSTD,
        forecastsTo.toString(), ExportFilter.all(), true);
    new ExportJob(List.of(out.resolve("forecasts")), spec, options, 2).run();
    List<Map<String, Object>> rows = ExportTestData.readParquet(NativeSchemas.forecasts(), forecastsTo);
    assertThat(ids(rows, r -> r.get("scope") + " " + r.get("horizon_days") + " " + r.get("status") + " " + r.get("expected_total_usd")))
        .isEqualTo(recordedForecasts.stream()
            .map(n -> n.get("scope").asText() + " " + n.get("horizon_days").asLong() + " " + n.get("status").asText() + " "
                + (n.get("expected_total_usd").isNull() ? null : n.get("expected_total_usd").asDouble()))
            .collect(Collectors.toCollection(TreeSet::new)));
    assertThat(rows).hasSize(recordedForecasts.size());

    // a run without alerts: an empty snapshot with its manifest, not an error
    Path quiet = Files.createDirectories(tmp.resolve("quiet-run/alerts"));
    Path quietTo = tmp.resolve("quiet-alerts");
    spec = new ExportSpec(ExportDataset.ALERTS, ExportFormat.CSV, ExportSchemaKind.NATIVE, ParquetCompression.SNAPPY,
        quietTo.toString(), ExportFilter.all(), true);
    assertThat(new ExportJob(List.of(quiet.getParent()), spec, options, 2).run().rows()).isZero();
    assertThat(JSON.readTree(quietTo.resolve("_manifest.json").toFile()).get("rows").asLong()).isZero();
  }

  private static Set<String> ids(List<Map<String, Object>> rows, Function<Map<String, Object>, String> id) {
    return rows.stream().map(id).collect(Collectors.toCollection(TreeSet::new));
  }

  private static <T> Map<String, Object> row(ExportSchema<T> schema, T value) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (var c : schema.columns()) m.put(c.name(), c.get(value));
    return m;
  }

  private static Map<String, Map<String, Object>> keyed(List<Map<String, Object>> rows, Function<Map<String, Object>, String> key) {
    Map<String, Map<String, Object>> out = new HashMap<>();
    for (Map<String, Object> r : rows) {
      if (out.put(key.apply(r), r) != null) throw new AssertionError("duplicate row " + key.apply(r));
    }
    return out;
  }

  /** dt partitions by row time, dataset-named files, a manifest without a cost total, and no hidden leftovers. */
  private static void assertRecordSnapshot(Path to, String dataset, String ext, long rows) throws Exception {
    assertThat(ExportTestData.files(to, ext)).isNotEmpty().allSatisfy(f -> {
      assertThat(f.getParent().getFileName().toString()).matches("dt=2026-09-0[1-3]");
      assertThat(f.getFileName().toString()).startsWith(dataset + "-");
    });
    try (var st = Files.walk(to)) {
      assertThat(st.filter(p -> p.getFileName().toString().startsWith("."))).isEmpty();
    }
    JsonNode m = JSON.readTree(to.resolve("_manifest.json").toFile());
    assertThat(m.get("dataset").asText()).isEqualTo(dataset);
    assertThat(m.get("schema").asText()).isEqualTo("native");
    assertThat(m.get("rows").asLong()).isEqualTo(rows);
    assertThat(m.get("total_cost_usd").isNull()).isTrue();
    assertThat(m.get("partitions")).hasSize(3);
    assertThat(m.get("files").findValues("rows").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(rows);
  }

  /** Every dt=YYYY-MM-DD file is named after the dataset, and the manifest lists exactly them with checksums. */
  private static void assertPartitionedAndManifested(Path to, String ext, long rows) throws Exception {
    List<Path> files = ExportTestData.files(to, ext);
    assertThat(files).isNotEmpty().allSatisfy(f -> {
      assertThat(f.getParent().getFileName().toString()).matches("dt=2026-09-0[1-3]");
      assertThat(f.getFileName().toString()).startsWith("priced-events-").endsWith("." + ext);
    });
    try (var s = Files.walk(to)) {
      assertThat(s.filter(p -> p.getFileName().toString().startsWith("."))).isEmpty();
    }
    JsonNode m = JSON.readTree(to.resolve("_manifest.json").toFile());
    assertThat(m.get("dataset").asText()).isEqualTo("priced-events");
    assertThat(m.get("rows").asLong()).isEqualTo(rows);
    assertThat(m.get("row_time_range").get("min").asText()).startsWith("2026-09-01");
    assertThat(m.get("files")).hasSize(files.size());
    long sum = 0;
    for (JsonNode f : m.get("files")) {
      Path p = to.resolve(f.get("path").asText());
      assertThat(f.get("bytes").asLong()).isEqualTo(Files.size(p));
      assertThat(f.get("sha256").asText()).isEqualTo(java.util.HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
      sum += f.get("rows").asLong();
    }
    assertThat(sum).isEqualTo(rows);
    assertThat(m.get("columns").get(1).get("type").asText()).isEqualTo("timestamp");
  }

  private static String concat(List<Path> files) throws Exception {
    StringBuilder b = new StringBuilder();
    for (Path f : files) b.append(Files.readString(f, StandardCharsets.UTF_8));
    return b.toString();
  }

  /** Fails the job after {@code n} rows in a subtask. */
  static final class FailAfter implements MapFunction<PricedUsage, PricedUsage> {
    private final int n;
    private int seen;

    FailAfter(int n) {
      this.n = n;
    }

    @Override
    public PricedUsage map(PricedUsage value) {
      if (++seen > n) throw new IllegalStateException("injected failure after " + n + " rows");
      return value;
    }
  }
}
