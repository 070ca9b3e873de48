package io.aicosttracker.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aicosttracker.core.pricing.PriceCatalog;
import io.aicosttracker.core.records.UsageEvent;
import io.aicosttracker.jobs.config.ConfigLoader;
import io.aicosttracker.jobs.config.CostTrackerConfig;
import io.aicosttracker.jobs.functions.DeadLetterReasons;
import io.aicosttracker.sql.testing.PostgresTestServer;
import io.aicosttracker.testing.EmbeddedKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectClusterClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming job (Kafka in, PostgreSQL out) survives a PostgreSQL outage: the server is
 * stopped after a completed checkpoint while windows keep firing, the job fails over and
 * restarts from its checkpoint until the server is back on the same port and data, and the
 * final rows equal an independent computation: nothing lost, nothing counted twice.
 */
class JdbcOutageRecoveryITCase {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long HOUR = 3_600_000L;
  private static PostgresTestServer pg;

  @TempDir Path tmp;

  @BeforeAll
  static void startPostgres() throws Exception {
    pg = PostgresTestServer.startRestartable();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    pg.close();
  }

  @Test
  void aDatabaseOutageMidRunLosesNoRowsAndCountsNothingTwice(@InjectClusterClient ClusterClient<?> cluster) throws Exception {
    String rest = cluster.getWebInterfaceURL();
    String url = pg.newMigratedDatabase();
    KAFKA.createTopic("outage-events", 2);
    List<UsageEvent> events = new ArrayList<>(KafkaTestData.events(23, 6_000, 2));
    events.sort(Comparator.comparingLong(e -> e.timestamp)); // the watermark moves through the hours as they are sent
    List<UsageEvent> before = events.subList(0, 3_000);
    List<UsageEvent> during = events.subList(3_000, events.size());
    Map<String, Long> expectedDead = new TreeMap<>();

    Map<String, String> o = new LinkedHashMap<>();
    o.put("kafka.bootstrap-servers", KAFKA.bootstrapServers());
    o.put("kafka.topic", "outage-events");
    o.put("kafka.dead-letter-topic", "outage-dead");
    o.put("kafka.group-id", "outage");
    o.put("output.dir", tmp.resolve("out").toString());
    o.put("checkpoints.dir", tmp.resolve("checkpoints").toString());
    o.put("checkpoints.interval", "500 ms");
    o.put("job.parallelism", "2");
    o.put("jdbc.url", url);
    o.put("jdbc.user", PostgresTestServer.SUPERUSER);
    CostTrackerConfig cfg = ConfigLoader.load(null, o).validate(true);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(CostTrackerJob.flinkConfiguration(cfg));
    env.setParallelism(2);

    long start = System.nanoTime();
    JobClient job;
    try (KafkaProducer<byte[], byte[]> p = KAFKA.producer()) {
      KafkaTestData.send(p, "outage-events", 2, before, 0);
      sendBad(p, expectedDead, "{\"event_id\": \"bad-1\"", DeadLetterReasons.INVALID_JSON);
      sendBad(p, expectedDead, "{\"event_id\":\"bad-2\",\"timestamp\":\"2026-11-01T10:00:00Z\",\"model\":\"m\",\"project\":\"p\",\"source\":\"api\"}",
          DeadLetterReasons.MISSING_FIELD);
      job = CostTrackerJob.fromConfig(cfg).executeAsync(env, "outage");
      waitFor("a completed checkpoint and rows in PostgreSQL",
          () -> committed() > 0 && count(url, "usage_hourly") > 0 && count(url, "dead_letter_counts") > 0);

      pg.stopServer();
      // windows keep firing while the database is down: the sink's flush fails and the job fails over
      KafkaTestData.send(p, "outage-events", 2, during, 0);
      sendBad(p, expectedDead, "{\"event_id\": ", DeadLetterReasons.INVALID_JSON);
      sendBad(p, expectedDead, "", DeadLetterReasons.EMPTY);
      waitFor("the job failing on the unreachable database", () -> failures(rest, job) > 0);
      Thread.sleep(1_000); // stay down across at least one restart attempt
      pg.restartServer();
    }
    long produced = events.size() + expectedDead.values().stream().mapToLong(Long::longValue).sum();
    waitFor("the restored job catching up", () -> committed() == produced);
    job.stopWithSavepoint(true, tmp.resolve("sp").toUri().toString(), SavepointFormatType.CANONICAL).get(2, TimeUnit.MINUTES);
    System.out.printf("outage test: %d failure(s) seen, %.1f s from start to drained%n", failures(rest, job), (System.nanoTime() - start) / 1e9);

    ExpectedAggregates expected = ExpectedAggregates.of(events, PriceCatalog.builtIn());
    assertTableEquals(url, "usage_hourly", expected.hourly);
    assertTableEquals(url, "usage_daily", expected.daily);
    assertThat(deadLetterCounts(url)).isEqualTo(expectedDead);
  }

  /** Sends a reject to partition 0 and records its expected row key (Kafka-timestamp hour, topic, reason). */
  private static void sendBad(KafkaProducer<byte[], byte[]> p, Map<String, Long> expected, String value, String reason) throws Exception {
    RecordMetadata m = p.send(new ProducerRecord<>("outage-events", 0, null, value.getBytes(StandardCharsets.UTF_8))).get();
    String key = Instant.ofEpochMilli(Math.floorDiv(m.timestamp(), HOUR) * HOUR) + "|outage-events|" + reason;
    expected.merge(key, 1L, Long::sum);
  }

  private static void assertTableEquals(String url, String table, Map<String, ExpectedAggregates.Totals> expected) throws SQLException {
    Map<String, Object[]> actual = new TreeMap<>();
    try (Connection c = PostgresTestServer.connectUrl(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT window_start, project, provider, model, source, requests, input_tokens, output_tokens,"
            + " cache_read_tokens, cache_write_tokens, reasoning_tokens, unpriced_events, cost_usd FROM " + table)) {
      while (rs.next()) {
        String key = String.join("\u0001", rs.getObject(1, java.time.OffsetDateTime.class).toInstant().toString(),
            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
        long[] counts = new long[7];
        for (int i = 0; i < 7; i++) counts[i] = rs.getLong(6 + i);
        actual.put(key, new Object[] {counts, rs.getDouble(13)});
      }
    }
    assertThat(actual.keySet()).as(table + " keys").containsExactlyElementsOf(expected.keySet());
    for (Map.Entry<String, ExpectedAggregates.Totals> e : expected.entrySet()) {
      Object[] row = actual.get(e.getKey());
      String where = table + " " + e.getKey().replace('\u0001', '/');
      assertThat((long[]) row[0]).as(where).containsExactly(e.getValue().counts);
      assertThat((double) row[1]).as(where + " cost").isCloseTo(e.getValue().cost, within(1e-6));
    }
  }

  private static Map<String, Long> deadLetterCounts(String url) throws SQLException {
    Map<String, Long> m = new TreeMap<>();
    try (Connection c = PostgresTestServer.connectUrl(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT bucket_start, origin, reason, count FROM dead_letter_counts")) {
      while (rs.next()) {
        m.put(rs.getObject(1, java.time.OffsetDateTime.class).toInstant() + "|" + rs.getString(2) + "|" + rs.getString(3), rs.getLong(4));
      }
    }
    return m;
  }

  private static long count(String url, String table) {
    try (Connection c = PostgresTestServer.connectUrl(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      return 0;
    }
  }

  private static long committed() {
    return KAFKA.committedOffsets("outage").values().stream().mapToLong(Long::longValue).sum();
  }

  /** Failures in the job's exception history (REST API of the MiniCluster). */
  private static int failures(String rest, JobClient job) {
    try {
      URI uri = URI.create(rest + "/jobs/" + job.getJobID() + "/exceptions");
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
      JsonNode entries = JSON.readTree(r.body()).path("exceptionHistory").path("entries");
      return entries.size();
    } catch (Exception e) {
      return 0;
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
