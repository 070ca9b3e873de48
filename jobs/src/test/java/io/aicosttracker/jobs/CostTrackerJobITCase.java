package io.aicosttracker.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aicosttracker.core.pricing.PriceCatalog;
import io.aicosttracker.core.records.UsageEvent;
import io.aicosttracker.jobs.config.ConfigLoader;
import io.aicosttracker.jobs.config.CostTrackerConfig;
import io.aicosttracker.jobs.pipeline.RunSummary;
import io.aicosttracker.jobs.sinks.AggregateFiles;
import io.aicosttracker.jobs.sinks.FileOutputs;
import io.aicosttracker.testing.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming job against a real Kafka broker (KRaft, in-process) on a MiniCluster with
 * parallelism 2: aggregates, dead letters, duplicates, late data and restore from a checkpoint.
 */
class CostTrackerJobITCase {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .setConfiguration(fastHeartbeats())
              .build());

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long HOUR = 3_600_000L;
  private static final long DAY = 24 * HOUR;

  @TempDir Path tmp;

  private static Configuration fastHeartbeats() {
    Configuration c = new Configuration();
    // running-job accumulators (used by --until-idle) arrive with heartbeats
    c.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofSeconds(1));
    return c;
  }

  private CostTrackerConfig config(String topic, String deadTopic, String group, Map<String, String> extra) {
    Map<String, String> o = new LinkedHashMap<>();
    o.put("kafka.bootstrap-servers", KAFKA.bootstrapServers());
    o.put("kafka.topic", topic);
    o.put("kafka.dead-letter-topic", deadTopic);
    o.put("kafka.group-id", group);
    o.put("output.dir", tmp.resolve("out").toString());
    o.put("checkpoints.dir", tmp.resolve("checkpoints").toString());
    o.put("checkpoints.interval", "1 s");
    o.put("job.parallelism", "2");
    o.putAll(extra);
    return ConfigLoader.load(null, o).validate(true);
  }

  @Test
  void aggregatesDeadLettersAndDuplicatesEndToEnd() throws Exception {
    KAFKA.createTopic("e2e-events", 4);
    KAFKA.createTopic("e2e-dead", 1);
    List<UsageEvent> events = KafkaTestData.events(7, 12_000, 3);
    List<UsageEvent> resent = events.subList(100, 160); // a producer retrying after timeouts
    Map<String, byte[]> bad = new LinkedHashMap<>();
    bad.put("malformed JSON", "{\"event_id\": \"bad-1\", \"timestamp\": ".getBytes(StandardCharsets.UTF_8));
    bad.put("field 'input_tokens' must be an integer", json("bad-2", "\"input_tokens\": \"many\""));
    bad.put("missing required field 'provider'",
        "{\"event_id\":\"bad-3\",\"timestamp\":\"2026-11-01T10:00:00Z\",\"model\":\"gpt-4o\",\"project\":\"p\",\"source\":\"api\"}"
            .getBytes(StandardCharsets.UTF_8));
    bad.put("must be an integer >= 0, got -5", json("bad-4", "\"output_tokens\": -5"));
    bad.put("malformed JSON: Unexpected character ((CTRL-CHAR", new byte[] {(byte) 0x80, (byte) 0x81, 0x00, (byte) 0xff, 0x10});
    bad.put("empty record", new byte[0]);

    Map<String, RecordMetadata> badOffsets = new LinkedHashMap<>();
    RecordMetadata tombstone;
    try (KafkaProducer<byte[], byte[]> p = KAFKA.producer()) {
      KafkaTestData.send(p, "e2e-events", 4, events.subList(0, 6_000), 0);
      for (Map.Entry<String, byte[]> b : bad.entrySet()) {
        badOffsets.put(b.getKey(), p.send(new ProducerRecord<>("e2e-events", 1, null, b.getValue())).get());
      }
      tombstone = p.send(new ProducerRecord<>("e2e-events", 2, "k".getBytes(StandardCharsets.UTF_8), null)).get();
      KafkaTestData.send(p, "e2e-events", 4, events.subList(6_000, events.size()), 0);
      KafkaTestData.send(p, "e2e-events", 4, resent, 1);
    }
    long produced = events.size() + resent.size() + bad.size() + 1;

    CostTrackerConfig cfg = config("e2e-events", "e2e-dead", "e2e", Map.of());
    RunSummary summary = new LocalStreamingRun(cfg, Duration.ofSeconds(4), System.out).run();

    assertThat(summary.read()).isEqualTo(produced);
    assertThat(summary.accepted()).isEqualTo(events.size());
    assertThat(summary.duplicates()).isEqualTo(resent.size());
    assertThat(summary.deadLettered()).isEqualTo(bad.size() + 1);
    assertThat(summary.reconciles()).isTrue();

    ExpectedAggregates expected = ExpectedAggregates.of(events, PriceCatalog.builtIn());
    Path out = tmp.resolve("out");
    ExpectedAggregates.assertFilesEqual(out.resolve(FileOutputs.HOURLY), expected.hourly);
    ExpectedAggregates.assertFilesEqual(out.resolve(FileOutputs.DAILY), expected.daily);

    List<JsonNode> dead = readJson("e2e-dead");
    assertThat(dead).hasSize(bad.size() + 1);
    for (Map.Entry<String, RecordMetadata> b : badOffsets.entrySet()) {
      JsonNode d = find(dead, 1, b.getValue().offset()).orElseThrow(() -> new AssertionError("no dead letter for " + b.getKey()));
      assertThat(d.get("topic").asText()).isEqualTo("e2e-events");
      assertThat(d.get("error").asText()).contains(b.getKey());
    }
    JsonNode garbage = find(dead, 1, badOffsets.get("malformed JSON: Unexpected character ((CTRL-CHAR").offset()).orElseThrow();
    assertThat(garbage.get("raw_base64").asBoolean()).isTrue();
    assertThat(garbage.get("raw").asText()).isEqualTo("gIEA/xA=");
    assertThat(find(dead, 2, tombstone.offset()).orElseThrow().get("error").asText()).isEqualTo("empty record");
  }

  @Test
  void lateEventWithinLatenessCorrectsWindowAndBeyondIsDeadLettered() throws Exception {
    KAFKA.createTopic("late-events", 2);
    KAFKA.createTopic("late-dead", 1);
    long h = Math.floorDiv(System.currentTimeMillis(), DAY) * DAY - 10 * DAY + HOUR; // 01:00 ten days ago
    CostTrackerConfig cfg = config("late-events", "late-dead", "late", Map.of());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(CostTrackerJob.flinkConfiguration(cfg));
    env.setParallelism(2);
    JobClient job = CostTrackerJob.fromConfig(cfg).executeAsync(env, "late-events");
    Path hourly = tmp.resolve("out").resolve(FileOutputs.HOURLY);
    try (KafkaProducer<byte[], byte[]> p = KAFKA.producer()) {
      send(p, "late-events", 0, event("on-time", h + 10 * 60_000, "late-test", 1));
      advance(p, "late-events", 2, h + 4 * HOUR);
      waitFor("first firing of the window", () -> requestsOf(hourly, h, "late-test") == 1);

      send(p, "late-events", 0, event("late-but-allowed", h + 20 * 60_000, "late-test", 2));
      waitFor("corrected firing of the window", () -> requestsOf(hourly, h, "late-test") == 3);

      advance(p, "late-events", 2, h + 2 * DAY + 2 * HOUR);
      advance(p, "late-events", 2, h + 3 * DAY);
      waitFor("watermark past the allowed lateness", () -> requestsOf(hourly, h + 2 * DAY + 2 * HOUR, "advance") > 0);

      send(p, "late-events", 1, event("too-late", h + 30 * 60_000, "late-test", 4));
      waitFor("late dead letter", () -> readJson("late-dead").stream().anyMatch(d -> d.get("raw").asText().contains("too-late")));
    }
    job.stopWithSavepoint(true, tmp.resolve("sp").toUri().toString(), SavepointFormatType.CANONICAL).get(2, TimeUnit.MINUTES);

    JsonNode late = readJson("late-dead").stream().filter(d -> d.get("raw").asText().contains("too-late")).findFirst().orElseThrow();
    assertThat(late.get("error").asText()).startsWith("late");
    List<String[]> rows = AggregateFiles.readAll(hourly).stream().filter(r -> isRow(r, h, "late-test")).toList();
    assertThat(rows).extracting(r -> r[5]).containsExactlyInAnyOrder("1", "3"); // first firing + correction
    assertThat(requestsOf(tmp.resolve("out").resolve(FileOutputs.DAILY), Math.floorDiv(h, DAY) * DAY, "late-test")).isEqualTo(3);
  }

  @Test
  void restoredFromCheckpointAfterCancelCountsEveryEventOnce() throws Exception {
    KAFKA.createTopic("fault-events", 4);
    List<UsageEvent> events = KafkaTestData.events(11, 16_000, 2);
    CostTrackerConfig cfg = config("fault-events", "fault-dead", "fault", Map.of("checkpoints.interval", "300 ms"));
    Path chk = tmp.resolve("checkpoints");
    try (KafkaProducer<byte[], byte[]> p = KAFKA.producer()) {
      KafkaTestData.send(p, "fault-events", 4, events.subList(0, 8_000), 0);
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(CostTrackerJob.flinkConfiguration(cfg));
      env.setParallelism(2);
      JobClient first = CostTrackerJob.fromConfig(cfg).executeAsync(env, "fault-first");
      waitFor("a completed checkpoint with offsets", () -> committed("fault") > 0 && latestCheckpoint(chk).isPresent());
      // more data arrives while the job runs; it is cancelled mid-stream
      KafkaTestData.send(p, "fault-events", 4, events.subList(8_000, 12_000), 0);
      first.cancel().get(1, TimeUnit.MINUTES);
      KafkaTestData.send(p, "fault-events", 4, events.subList(12_000, events.size()), 0);
    }
    Path restoreFrom = latestCheckpoint(chk).orElseThrow();

    cfg.checkpoints.restoreFrom = restoreFrom.toString();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(CostTrackerJob.flinkConfiguration(cfg));
    env.setParallelism(2);
    JobClient second = CostTrackerJob.fromConfig(cfg).executeAsync(env, "fault-restored");
    long total = events.size();
    waitFor("restored job caught up", () -> committed("fault") == total);
    second.stopWithSavepoint(true, tmp.resolve("sp").toUri().toString(), SavepointFormatType.CANONICAL).get(2, TimeUnit.MINUTES);

    ExpectedAggregates expected = ExpectedAggregates.of(events, PriceCatalog.builtIn());
    ExpectedAggregates.assertFilesEqual(tmp.resolve("out").resolve(FileOutputs.HOURLY), expected.hourly);
    ExpectedAggregates.assertFilesEqual(tmp.resolve("out").resolve(FileOutputs.DAILY), expected.daily);
  }

  // ---- helpers

  private static byte[] json(String id, String extraField) {
    return ("{\"event_id\":\"" + id + "\",\"timestamp\":\"2026-11-01T10:00:00Z\",\"provider\":\"openai\",\"model\":\"gpt-4o\","
            + "\"project\":\"p\",\"source\":\"api\"," + extraField + "}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static UsageEvent event(String id, long ts, String project, long requests) {
    UsageEvent e = new UsageEvent();
    e.eventId = id;
    e.timestamp = ts;
    e.provider = "openai";
    e.model = "gpt-4o";
    e.project = project;
    e.source = UsageEvent.SOURCE_API;
    e.requests = requests;
    e.inputTokens = 100 * requests;
    e.outputTokens = 10 * requests;
    return e;
  }

  private static void send(KafkaProducer<byte[], byte[]> p, String topic, int partition, UsageEvent e) throws Exception {
    p.send(new ProducerRecord<>(topic, partition, null, KafkaTestData.json(e))).get();
  }

  /** One event at {@code ts} on every partition, so the per-partition watermarks all move. */
  private static void advance(KafkaProducer<byte[], byte[]> p, String topic, int partitions, long ts) throws Exception {
    for (int i = 0; i < partitions; i++) send(p, topic, i, event("advance-" + ts + "-" + i, ts, "advance", 1));
  }

  private static boolean isRow(String[] r, long windowStart, String project) {
    return r[0].equals(Instant.ofEpochMilli(windowStart).toString()) && r[1].equals(project);
  }

  private static long requestsOf(Path dir, long windowStart, String project) {
    try {
      return AggregateFiles.readFinal(dir).values().stream()
          .filter(r -> isRow(r, windowStart, project))
          .mapToLong(r -> Long.parseLong(r[5]))
          .max()
          .orElse(0);
    } catch (java.io.IOException e) {
      return 0; // a part file being committed right now: read again on the next poll
    }
  }

  private static List<JsonNode> readJson(String topic) {
    List<JsonNode> out = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : KAFKA.readAll(topic, Duration.ofSeconds(30))) {
      try {
        out.add(JSON.readTree(r.value()));
      } catch (java.io.IOException e) {
        throw new AssertionError("dead letter is not JSON: " + new String(r.value(), StandardCharsets.UTF_8), e);
      }
    }
    return out;
  }

  private static Optional<JsonNode> find(List<JsonNode> dead, int partition, long offset) {
    return dead.stream().filter(d -> d.get("partition").asInt() == partition && d.get("offset").asLong() == offset).findFirst();
  }

  private static long committed(String group) {
    return KAFKA.committedOffsets(group).values().stream().mapToLong(Long::longValue).sum();
  }

  /** The newest retained checkpoint ({@code <dir>/<job>/chk-N} with its metadata written). */
  private static Optional<Path> latestCheckpoint(Path dir) {
    if (!Files.isDirectory(dir)) return Optional.empty();
    try (Stream<Path> s = Files.walk(dir, 2)) {
      return s.filter(p -> p.getFileName().toString().startsWith("chk-"))
          .filter(p -> Files.exists(p.resolve("_metadata")))
          .max(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().substring(4))));
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return Optional.empty(); // a checkpoint directory removed while walking
    }
  }

  private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
      Thread.sleep(200);
    }
  }
}
