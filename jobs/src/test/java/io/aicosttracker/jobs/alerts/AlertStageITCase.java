package io.aicosttracker.jobs.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aicosttracker.connectors.records.ParsedRecord;
import io.aicosttracker.core.budget.Budget;
import io.aicosttracker.core.budget.BudgetPeriod;
import io.aicosttracker.core.budget.BudgetScope;
import io.aicosttracker.core.generate.SyntheticUsageGenerator;
import io.aicosttracker.core.pricing.PriceCatalog;
import io.aicosttracker.jobs.functions.AnomalyOptions;
import io.aicosttracker.jobs.pipeline.FileUsageSource;
import io.aicosttracker.jobs.pipeline.PipelineOptions;
import io.aicosttracker.jobs.pipeline.PipelineOutputs;
import io.aicosttracker.jobs.pipeline.UsageBatchJob;
import io.aicosttracker.jobs.pipeline.UsagePipeline;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert stage over generated usage with labelled spikes: every spike is found, and a
 * STREAMING run that fails mid-way and restores from its last checkpoint writes each alert
 * exactly once, the same alerts as a clean BATCH run.
 */
class AlertStageITCase {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  private static final int DAYS = 20;
  @TempDir static Path dir;
  static Path input;
  static List<SyntheticUsageGenerator.Spike> spikes;
  static final List<Budget> BUDGETS =
      List.of(
          Budget.of("all-daily", BudgetScope.ALL, 20, BudgetPeriod.daily(ZoneId.of("America/New_York"))),
          Budget.of("support-weekly", new BudgetScope("support-bot", null, null, null, null), 40,
              BudgetPeriod.weekly(ZoneId.of("Europe/Berlin"), DayOfWeek.WEDNESDAY)));

  @BeforeAll
  static void generate() throws Exception {
    input = dir.resolve("events.jsonl");
    SyntheticUsageGenerator gen =
        new SyntheticUsageGenerator(7, Instant.parse("2026-09-01T00:00:00Z").toEpochMilli(), DAYS, 0.5, PriceCatalog.builtIn());
    try (Writer w = Files.newBufferedWriter(input)) {
      spikes = gen.writeTo(w, false, 20_000, 3);
    }
  }

  private static AlertStage stage(Path out) {
    return new AlertStage(BUDGETS, AnomalyOptions.hourly(), Duration.ofDays(2)).writeFilesTo(out);
  }

  @Test
  void restartFromCheckpointWritesEachAlertOnceAndMatchesTheBatchRun() throws Exception {
    Path batchOut = dir.resolve("batch");
    new UsageBatchJob(List.of(input), batchOut, new PipelineOptions(), 2).writePricedEvents(false).attach(stage(batchOut)).run();
    List<JsonNode> batchAlerts = AlertFiles.read(batchOut.resolve(AlertStage.ALERTS_DIR));

    // every labelled spike is found, and nothing else is called an anomaly
    Set<String> anomalies = batchAlerts.stream().filter(a -> isAlert(a, "COST_ANOMALY"))
        .map(a -> a.path("project").asText() + "|" + a.path("model").asText() + "|" + a.path("period_start").asText())
        .collect(Collectors.toSet());
    Set<String> labelled = spikes.stream()
        .map(s -> s.project() + "|" + s.model() + "|" + Instant.ofEpochMilli(s.hourStart()))
        .collect(Collectors.toSet());
    assertThat(anomalies).containsAll(labelled);
    assertThat(batchAlerts.stream().filter(a -> isAlert(a, "BUDGET_THRESHOLD"))).isNotEmpty();
    assertThat(batchAlerts.stream().filter(a -> isAlert(a, "UNPRICED_USAGE"))).isNotEmpty();
    assertNoDuplicates(batchAlerts);

    Path streamOut = dir.resolve("streaming");
    runStreamingWithOneFailure(streamOut);
    assertThat(FailOnceAfterCheckpoint.FAILED.get()).as("the injected failure happened").isTrue();
    assertThat(FailOnceAfterCheckpoint.OPENED.get()).as("the job restarted").isGreaterThan(2);
    List<JsonNode> streamAlerts = AlertFiles.read(streamOut.resolve(AlertStage.ALERTS_DIR));
    assertNoDuplicates(streamAlerts);
    assertThat(ids(streamAlerts, "COST_ANOMALY")).isEqualTo(ids(batchAlerts, "COST_ANOMALY"));
    // BATCH mode hands a budget its events grouped by key, not in time order, and one event that
    // crosses several thresholds alerts only for the highest: which lower thresholds get their own
    // alert depends on that order. The highest threshold reached per budget period does not.
    assertThat(highestThresholdPerPeriod(streamAlerts)).isEqualTo(highestThresholdPerPeriod(batchAlerts));
    assertThat(ids(streamAlerts, "UNPRICED_USAGE")).isEqualTo(ids(batchAlerts, "UNPRICED_USAGE"));

    List<JsonNode> statuses = AlertFiles.read(streamOut.resolve(AlertStage.BUDGET_STATUS_DIR));
    assertThat(statuses).isNotEmpty();
    assertThat(statuses.stream().map(s -> s.path("budget_id").asText() + s.path("as_of").asText()))
        .as("one status per budget and hour")
        .doesNotHaveDuplicates();
    // from day 15 (14 days of history) the budget scopes' daily forecasts reach the budget function
    assertThat(statuses)
        .as("statuses projected with the budget scope's cost forecast")
        .anySatisfy(st -> {
          assertThat(st.path("budget_id").asText()).isEqualTo("all-daily");
          assertThat(st.path("forecast_projected_spend_usd").asDouble()).isGreaterThan(st.path("spend_usd").asDouble() - 1e-9);
          assertThat(st.path("forecast_model").asText()).isNotEmpty();
        });
    assertThat(statuses.stream().filter(st -> st.has("forecast_origin")).map(st -> st.path("forecast_origin").asText()).min(String::compareTo))
        .as("no forecast before 14 days of history")
        .hasValueSatisfying(first -> assertThat(first).isGreaterThanOrEqualTo("2026-09-15"));
  }

  private static java.util.Map<String, Double> highestThresholdPerPeriod(List<JsonNode> alerts) {
    return alerts.stream()
        .filter(a -> isAlert(a, "BUDGET_THRESHOLD"))
        .collect(Collectors.toMap(
            a -> a.path("budget_id").asText() + "|" + a.path("period_start").asText(),
            a -> a.path("threshold_value").asDouble(),
            Math::max));
  }

  private static boolean isAlert(JsonNode a, String kind) {
    return kind.equals(a.path("kind").asText()) && "ALERT".equals(a.path("state").asText());
  }

  private static Set<String> ids(List<JsonNode> alerts, String kind) {
    return alerts.stream().filter(a -> kind.equals(a.path("kind").asText())).map(a -> a.path("alert_id").asText()).collect(Collectors.toSet());
  }

  private static void assertNoDuplicates(List<JsonNode> alerts) {
    assertThat(alerts.stream().map(a -> a.path("alert_id").asText())).doesNotHaveDuplicates();
    // the same threshold of the same budget period never fires twice, whatever its id
    assertThat(alerts.stream().filter(a -> isAlert(a, "BUDGET_THRESHOLD"))
            .map(a -> a.path("budget_id").asText() + a.path("period_start").asText() + a.path("threshold_value").asText()))
        .doesNotHaveDuplicates();
  }

  private static void runStreamingWithOneFailure(Path out) throws Exception {
    Configuration conf = new Configuration();
    conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.STREAMING);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.configure(conf);
    env.setParallelism(2);
    env.enableCheckpointing(200);
    PipelineOptions options = new PipelineOptions();
    DataStream<ParsedRecord> parsed =
        FileUsageSource.create(env, List.of(input), options)
            .map(new FailOnceAfterCheckpoint(8_000), TypeInformation.of(ParsedRecord.class))
            .uid("fail-once")
            .name("Fail once after a checkpoint");
    PipelineOutputs outputs = UsagePipeline.build(parsed, options);
    stage(out).attach(outputs);
    env.execute("alerts with one failure");
  }

  /** Throws once, after {@code after} records and a completed checkpoint, so the job restores from it. */
  static final class FailOnceAfterCheckpoint extends RichMapFunction<ParsedRecord, ParsedRecord> implements CheckpointListener {
    static final AtomicBoolean FAILED = new AtomicBoolean();
    static final AtomicBoolean CHECKPOINTED = new AtomicBoolean();
    static final AtomicInteger OPENED = new AtomicInteger();
    private final long after;
    private long seen;

    FailOnceAfterCheckpoint(long after) {
      this.after = after;
    }

    @Override
    public void open(OpenContext ctx) {
      OPENED.incrementAndGet();
    }

    @Override
    public ParsedRecord map(ParsedRecord r) throws Exception {
      if (++seen > after && !FAILED.get()) {
        if (CHECKPOINTED.get() && FAILED.compareAndSet(false, true)) throw new IllegalStateException("injected failure");
        Thread.sleep(2); // slow down until a checkpoint completes
      }
      return r;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      if (seen > 0) CHECKPOINTED.set(true);
    }
  }
}
