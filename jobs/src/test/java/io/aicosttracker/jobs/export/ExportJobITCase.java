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
import io.aicosttracker.core.records.PricedUsage;
import io.aicosttracker.core.records.UsageEvent;
import io.aicosttracker.jobs.pipeline.PipelineOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 * apply, and a failed export leaves nothing visible while a rerun gives the same rows.
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

  @BeforeAll
  static void writeInput() throws Exception {
    events = ExportTestData.events(3000);
    priced = ExportTestData.priced(events);
    input = ExportTestData.writeJsonLines(events, tmp.resolve("in/events.jsonl"));
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
