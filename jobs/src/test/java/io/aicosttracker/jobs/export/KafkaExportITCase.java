package io.aicosttracker.jobs.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.aicosttracker.connectors.export.ExportFormat;
import io.aicosttracker.connectors.export.ParquetCompression;
import io.aicosttracker.core.export.ExportSchema;
import io.aicosttracker.core.export.NativeSchemas;
import io.aicosttracker.core.format.AlertJson;
import io.aicosttracker.core.format.UsageJson;
import io.aicosttracker.core.records.AlertEvent;
import io.aicosttracker.core.records.PricedUsage;
import io.aicosttracker.core.records.UsageEvent;
import io.aicosttracker.jobs.pipeline.PipelineOptions;
import io.aicosttracker.testing.EmbeddedKafka;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cost-tracker export --kafka}: a real broker holds usage events (with a duplicate and a
 * malformed record) and alerts; the bounded export prices, de-duplicates, aggregates and filters
 * them like a file export, and the files equal rows computed here without Flink.
 */
class KafkaExportITCase {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  private static final String EVENTS = "export-usage-events";
  private static final String ALERTS = "export-cost-alerts";
  private static final long DAY = 86_400_000L;

  @TempDir static Path tmp;
  static List<UsageEvent> events;
  static List<PricedUsage> priced;
  static List<AlertEvent> alerts;

  @BeforeAll
  static void produce() throws Exception {
    events = ExportTestData.events(600);
    priced = ExportTestData.priced(events);
    alerts = RecordTestData.alerts(20);
    KAFKA.createTopic(EVENTS, 3);
    KAFKA.createTopic(ALERTS, 1);
    try (KafkaProducer<byte[], byte[]> p = KAFKA.producer()) {
      List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
      for (int i = 0; i < events.size(); i++) acks.add(p.send(new ProducerRecord<>(EVENTS, i % 3, null, json(events.get(i)))));
      // a producer retry: the same event again, on another partition
      acks.add(p.send(new ProducerRecord<>(EVENTS, 2, null, json(events.get(10)))));
      acks.add(p.send(new ProducerRecord<>(EVENTS, 0, null, "{not json".getBytes(StandardCharsets.UTF_8))));
      for (AlertEvent a : alerts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        AlertJson.writeAlert(a, b);
        acks.add(p.send(new ProducerRecord<>(ALERTS, a.alertId.getBytes(StandardCharsets.UTF_8), b.toByteArray())));
      }
      for (var a : acks) a.get();
    }
  }

  private static byte[] json(UsageEvent e) {
    return UsageJson.toInputJson(e).getBytes(StandardCharsets.UTF_8);
  }

  private static KafkaExportInput kafka() {
    return new KafkaExportInput(KAFKA.bootstrapServers(), EVENTS, ALERTS, Map.of());
  }

  private static ExportSummary export(ExportDataset dataset, ExportFormat format, Path to, ExportFilter filter) throws Exception {
    ExportSpec spec = new ExportSpec(dataset, format, ExportSchemaKind.NATIVE, ParquetCompression.SNAPPY, to.toString(), filter, true);
    return new ExportJob(kafka(), spec, new PipelineOptions(), 2).run();
  }

  @Test
  void pricedEventsFromKafkaAreDeduplicatedPricedAndEqualTheSourceRows() throws Exception {
    Path to = tmp.resolve("priced");
    ExportSummary s = export(ExportDataset.PRICED_EVENTS, ExportFormat.PARQUET, to, ExportFilter.all());
    ExportSchema<PricedUsage> schema = NativeSchemas.pricedEvents();
    // every event once: the duplicate is dropped, the malformed record is a dead letter, not a row
    assertThat(ExportTestData.byKey(ExportTestData.readParquet(schema, to), "event_id"))
        .isEqualTo(ExportTestData.expected(schema, priced, "event_id"));
    assertThat(s.rows()).isEqualTo(events.size());
    assertThat(s.totalCostUsd()).isCloseTo(priced.stream().mapToDouble(e -> e.costUsd).sum(), within(1e-9));
    assertThat(Files.exists(to.resolve("_manifest.json"))).isTrue();
  }

  @Test
  void dailyAggregatesFromKafkaApplyTheFiltersAndMatchSumsComputedHere() throws Exception {
    Path to = tmp.resolve("daily");
    Instant from = Instant.ofEpochMilli(ExportTestData.START + DAY);
    ExportFilter filter = new ExportFilter(from, null, null, UsageEvent.SOURCE_API);
    export(ExportDataset.USAGE_DAILY, ExportFormat.CSV, to, filter);

    // expected: day, project, provider, model, source -> [events, cost, input tokens]
    Map<String, double[]> expected = new TreeMap<>();
    for (PricedUsage e : priced) {
      long day = Math.floorDiv(e.timestamp, DAY) * DAY;
      if (day < from.toEpochMilli() || !UsageEvent.SOURCE_API.equals(e.source)) continue;
      double[] v = expected.computeIfAbsent(key(day, e.project, e.provider, e.model, e.source), k -> new double[3]);
      v[0]++;
      v[1] += e.costUsd;
      v[2] += e.inputTokens;
    }
    Map<String, double[]> actual = new TreeMap<>();
    for (Map<String, Object> r : ExportTestData.readCsv(NativeSchemas.aggregates("day"), to)) {
      String k = key((Long) r.get("window_start"), (String) r.get("project"), (String) r.get("provider"), (String) r.get("model"), (String) r.get("source"));
      actual.put(k, new double[] {(Long) r.get("events"), (Double) r.get("cost_usd"), (Long) r.get("input_tokens")});
    }
    assertThat(actual.keySet()).isEqualTo(expected.keySet()).isNotEmpty();
    for (String k : expected.keySet()) {
      assertThat(actual.get(k)[0]).as(k + " events").isEqualTo(expected.get(k)[0]);
      assertThat(actual.get(k)[1]).as(k + " cost").isCloseTo(expected.get(k)[1], within(1e-9));
      assertThat(actual.get(k)[2]).as(k + " input tokens").isEqualTo(expected.get(k)[2]);
    }
  }

  @Test
  void alertsComeFromTheAlertsTopicAsPublished() throws Exception {
    Path to = tmp.resolve("alerts");
    ExportSummary s = export(ExportDataset.ALERTS, ExportFormat.JSONL, to, ExportFilter.all());
    ExportSchema<AlertEvent> schema = NativeSchemas.alerts();
    assertThat(ExportTestData.byKey(ExportTestData.readJsonLines(schema, to), "alert_id"))
        .isEqualTo(ExportTestData.expected(schema, alerts, "alert_id"));
    assertThat(s.rows()).isEqualTo(alerts.size());
  }

  @Test
  void aMissingTopicIsOneLineAndLeavesTheDestinationAlone() throws Exception {
    Path to = Files.createDirectories(tmp.resolve("missing"));
    Files.writeString(to.resolve("keep.txt"), "x");
    ExportSpec spec = new ExportSpec(ExportDataset.PRICED_EVENTS, ExportFormat.CSV, ExportSchemaKind.NATIVE, ParquetCompression.SNAPPY, to.toString(), ExportFilter.all(), true);
    KafkaExportInput input = new KafkaExportInput(KAFKA.bootstrapServers(), "no-such-topic", ALERTS, Map.of());
    assertThatThrownBy(() -> new ExportJob(input, spec, new PipelineOptions(), 2).run())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Kafka topic 'no-such-topic' not found at " + KAFKA.bootstrapServers());
    assertThat(Files.readString(to.resolve("keep.txt"))).isEqualTo("x");
  }

  private static String key(long day, String project, String provider, String model, String source) {
    return Instant.ofEpochMilli(day) + "|" + project + "|" + provider + "|" + model + "|" + source;
  }
}
