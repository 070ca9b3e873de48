package io.aicosttracker.connectors.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aicosttracker.connectors.notify.config.NotificationConfig;
import io.aicosttracker.connectors.notify.flink.NotificationStage;
import io.aicosttracker.connectors.notify.testing.RecordingHttpServer;
import io.aicosttracker.connectors.notify.testing.RecordingHttpServer.Received;
import io.aicosttracker.connectors.notify.testing.RecordingHttpServer.Reply;
import io.aicosttracker.connectors.notify.testing.TestAlerts;
import io.aicosttracker.connectors.notify.testing.TestConfigs;
import io.aicosttracker.core.records.AlertEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole stage on a MiniCluster with a failure and a restore from a checkpoint, plus replayed
 * alerts: each (alert_id, channel) reaches the receiver exactly once, replays are logged as skipped
 * duplicates, a delivery that never succeeds lands in the dead letters.
 */
class NotificationStageITCase {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  private static final AtomicBoolean FAILED_ONCE = new AtomicBoolean();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static RecordingHttpServer server;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    server = new RecordingHttpServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Alerts 0..39 are new; 40..59 re-emit the ids of 0..19 (a replay); alert 5 is an anomaly that also goes to Teams. */
  static AlertEvent alert(long index) {
    int id = (int) (index < 40 ? index : index - 40);
    AlertEvent a = id == 5 ? TestAlerts.anomaly("a-" + id) : TestAlerts.budgetThreshold("a-" + id);
    a.eventTime = 1_788_220_800_000L + index;
    return a;
  }

  @Test
  void restartFromCheckpointAndReplaysDeliverEachAlertOncePerChannel() throws Exception {
    // Teams always fails: the anomaly's Teams delivery must end in the dead letters
    server.behave(r -> r.path().startsWith("/workflows/") ? Reply.status(500) : new Reply(200, Map.of(), "ok", 0));
    String routes = "  routes:\n"
        + "    - match: {min_severity: info}\n"
        + "      channels: [hook, slack]\n"
        + "    - match: {kind: COST_ANOMALY}\n"
        + "      channels: [teams]\n";
    NotificationConfig cfg = TestConfigs.allChannels(dir, server.port(), TestConfigs.fastDefaults(2), routes);

    Configuration conf = new Configuration();
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.enableCheckpointing(500);
    // each batch is released by a checkpoint completing; the pause lets its deliveries finish before
    // the next barrier, so nothing is in flight in the checkpoint the job restores from
    env.getCheckpointConfig().setMinPauseBetweenCheckpoints(1000);
    // 10 alerts per checkpoint: each batch is delivered and checkpointed before the next starts
    DataGeneratorSource<AlertEvent> source = new DataGeneratorSource<>(
        (GeneratorFunction<Long, AlertEvent>) NotificationStageITCase::alert, 60, RateLimiterStrategy.perCheckpoint(10),
        TypeInformation.of(AlertEvent.class));
    DataStream<AlertEvent> alerts = env.fromSource(source, WatermarkStrategy.noWatermarks(), "alerts")
        .setParallelism(1)
        .map(new FailOnceAfterCheckpoint())
        .setParallelism(1)
        .uid("fail-once")
        .name("fail once");
    Path out = dir.resolve("out");
    NotificationStage.attach(alerts, cfg, out);
    env.execute("notification stage restart test");

    assertThat(FAILED_ONCE).isTrue();
    List<Received> got = server.received();
    Map<String, Long> perAlertAndChannel = got.stream()
        .collect(Collectors.groupingBy(r -> r.header("Idempotency-Key") + "@" + r.path(), Collectors.counting()));
    Map<String, Long> hookAndSlack = perAlertAndChannel.entrySet().stream()
        .filter(e -> !e.getKey().contains("/workflows/"))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertThat(hookAndSlack).hasSize(80); // 40 alerts x 2 channels
    assertThat(hookAndSlack.values()).allMatch(n -> n == 1L);
    // Teams: the anomaly tried twice (max_attempts 2), then dead-lettered, never re-sent by the replay
    assertThat(perAlertAndChannel).containsEntry("a-5@/workflows/teams/triggers/manual/paths/invoke", 2L);

    List<JsonNode> log = readJsonLines(out.resolve(NotificationStage.DELIVERIES_DIR));
    Map<String, Long> byStatus = log.stream().collect(Collectors.groupingBy(n -> n.get("status").asText(), Collectors.counting()));
    assertThat(byStatus).containsEntry("sent", 80L).containsEntry("duplicate_skipped", 40L + 1L).containsEntry("failed", 1L);
    assertThat(log).filteredOn(n -> n.get("status").asText().equals("sent")).allMatch(n -> n.get("latency_ms").asLong() >= 0);
    List<JsonNode> dead = readJsonLines(out.resolve(NotificationStage.DEAD_LETTERS_DIR));
    assertThat(dead).hasSize(1);
    assertThat(dead.get(0).get("alert_id").asText()).isEqualTo("a-5");
    assertThat(dead.get(0).get("channel").asText()).isEqualTo("teams");
    assertThat(dead.get(0).get("attempts").asInt()).isEqualTo(2);
    assertThat(dead.get(0).get("last_error").asText()).startsWith("HTTP 500");
    assertThat(dead.get(0).at("/alert/kind").asText()).isEqualTo("COST_ANOMALY");
  }

  /**
   * Fails the job once, from a checkpoint-complete notification, after alert a-19 and only when no
   * alert passed since that checkpoint's snapshot: everything sent so far is covered by the
   * checkpoint the job restores from (the residual window in docs/notifications.md is exactly what
   * this avoids). Chained to the source, so no record slips in between snapshot and notification.
   */
  static final class FailOnceAfterCheckpoint implements MapFunction<AlertEvent, AlertEvent>, CheckpointedFunction, CheckpointListener {
    private transient boolean seen19;
    private transient long sinceSnapshot;
    private transient long snapshotId = -1;

    @Override
    public AlertEvent map(AlertEvent a) {
      if ("a-19".equals(a.alertId)) seen19 = true;
      sinceSnapshot++;
      return a;
    }

    @Override
    public void snapshotState(FunctionSnapshotContext ctx) {
      snapshotId = ctx.getCheckpointId();
      sinceSnapshot = 0;
    }

    @Override
    public void initializeState(FunctionInitializationContext ctx) {}

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      if (seen19 && checkpointId == snapshotId && sinceSnapshot == 0 && FAILED_ONCE.compareAndSet(false, true)) {
        throw new IllegalStateException("injected failure after checkpoint " + checkpointId);
      }
    }
  }

  private static List<JsonNode> readJsonLines(Path dir) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".")).toList()) {
        for (String line : Files.readAllLines(f)) if (!line.isBlank()) out.add(JSON.readTree(line));
      }
    }
    return out;
  }

}
