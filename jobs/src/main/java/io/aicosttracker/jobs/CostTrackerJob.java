package io.aicosttracker.jobs;

import io.aicosttracker.connectors.kafka.KafkaUsageSource;
import io.aicosttracker.connectors.records.ParsedRecord;
import io.aicosttracker.jobs.config.ConfigLoader;
import io.aicosttracker.jobs.config.CostTrackerConfig;
import io.aicosttracker.jobs.pipeline.OutputAttachment;
import io.aicosttracker.jobs.pipeline.PipelineOptions;
import io.aicosttracker.jobs.pipeline.PipelineOutputs;
import io.aicosttracker.jobs.pipeline.UsagePipeline;
import io.aicosttracker.connectors.jdbc.JdbcSettings;
import io.aicosttracker.connectors.notify.config.NotificationConfig;
import io.aicosttracker.connectors.notify.config.NotificationConfigLoader;
import io.aicosttracker.core.budget.Budget;
import io.aicosttracker.core.budget.BudgetConfigLoader;
import io.aicosttracker.jobs.alerts.AlertStage;
import io.aicosttracker.jobs.sinks.OutputPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;

/**
 * The continuous cost-tracker job: usage events from Kafka through the shared
 * {@link UsagePipeline} (parse, de-duplicate, price, hourly/daily aggregates) to the outputs it is
 * given.
 *
 * <p>The source and the outputs come in through the constructor, so tests run the same graph on
 * a bounded source; {@link #main} wires the real Kafka source, the Kafka dead-letter (and priced)
 * topics and the file outputs from the configuration:
 *
 * <pre>{@code
 * flink run -c io.aicosttracker.jobs.CostTrackerJob ai-cost-tracker.jar \
 *     --kafka broker:9092 --out s3://bucket/cost-tracker --config cost-tracker.yaml
 * }</pre>
 */
public final class CostTrackerJob {
  /** Uid of the Kafka source operator (its state holds the partition offsets). */
  public static final String SOURCE_UID = "kafka-usage-source";

  private final Source<ParsedRecord, ?, ?> source;
  private final List<OutputAttachment> outputs;
  private final PipelineOptions options;

  public CostTrackerJob(Source<ParsedRecord, ?, ?> source, List<OutputAttachment> outputs, PipelineOptions options) {
    this.source = source;
    this.outputs = List.copyOf(outputs);
    this.options = options;
  }

  /** The job the configuration describes: Kafka source, Kafka dead letters (and priced events), files. */
  public static CostTrackerJob fromConfig(CostTrackerConfig config) {
    PipelineOptions options = config.pipeline.toOptions();
    Source<ParsedRecord, ?, ?> source =
        KafkaUsageSource.builder()
            .bootstrapServers(config.kafka.bootstrapServers)
            .topic(config.kafka.topic)
            .groupId(config.kafka.groupId)
            .startingOffsets(KafkaUsageSource.StartingOffsets.valueOf(config.kafka.startingOffsets.toUpperCase(java.util.Locale.ROOT)))
            .maxRecordBytes(options.maxRecordBytes)
            .maxFutureMillis(options.maxFutureSkew.toMillis())
            .properties(config.kafka.properties)
            .build();
    return new CostTrackerJob(source, defaultOutputs(config, options), options);
  }

  /**
   * What the configuration asks for downstream of the pipeline: Kafka dead letters (and priced
   * events, alerts), files when {@code output.dir} is set, PostgreSQL when {@code jdbc.url} is set,
   * forecasts, the alert stage and notifications.
   */
  public static List<OutputAttachment> defaultOutputs(CostTrackerConfig config) {
    return defaultOutputs(config, config.pipeline.toOptions());
  }

  /** As {@link #defaultOutputs(CostTrackerConfig)}, with the pipeline options already read (no second read of a custom catalog). */
  static List<OutputAttachment> defaultOutputs(CostTrackerConfig config, PipelineOptions options) {
    OutputPlan plan = new OutputPlan().kafka(config.kafka);
    if (config.output.dir != null) plan.files(Path.of(config.output.dir), config.output.pricedEvents);
    if (config.jdbc.url != null) {
      JdbcSettings settings = JdbcSettings.fromEnvironment(config.jdbc.url, config.jdbc.user, config.jdbc.passwordEnv, System::getenv);
      settings.checkReady(List.of("usage_hourly", "usage_daily", "alerts", "forecast_horizons"));
      plan.jdbc(settings, options.catalog);
    }
    if (config.forecast.enabled) plan.forecasts(config.forecast.horizonArray());
    if (config.alerts.enabled) {
      List<Budget> budgets =
          config.alerts.budgetsFile != null ? BudgetConfigLoader.load(config.alerts.budgetsFile) : BudgetConfigLoader.fromTree(config.budgets);
      plan.alerts(new AlertStage(budgets, config.alerts.anomalyOptions(), options.allowedLateness));
      if (config.notifications != null || config.alerts.notificationsFile != null) {
        NotificationConfig notify =
            config.alerts.notificationsFile != null
                ? NotificationConfigLoader.load(config.alerts.notificationsFile)
                : NotificationConfigLoader.fromTree(config.notifications, "notifications");
        plan.notifications(notify.withBudgetChannels(budgetChannels(budgets)), config.alerts.notifyMaxAge);
      }
    }
    return List.of(plan);
  }

  /** Each budget's own notification channels, by budget id. */
  public static java.util.Map<String, List<String>> budgetChannels(List<Budget> budgets) {
    java.util.Map<String, List<String>> m = new java.util.LinkedHashMap<>();
    for (Budget b : budgets) if (b.channels() != null && !b.channels().isEmpty()) m.put(b.id(), b.channels());
    return m;
  }

  /** Adds the job graph to {@code env} and returns the pipeline's streams. */
  public PipelineOutputs build(StreamExecutionEnvironment env) {
    DataStream<ParsedRecord> parsed =
        // watermarks in the source: per-partition, so a fast partition cannot make others late
        env.fromSource(source, UsagePipeline.watermarks(options), "Kafka usage events").uid(SOURCE_UID);
    PipelineOutputs out = UsagePipeline.build(parsed, options);
    for (OutputAttachment a : outputs) a.attach(out);
    return out;
  }

  /** Builds and submits the job; returns at once with its client. */
  public JobClient executeAsync(StreamExecutionEnvironment env, String jobName) throws Exception {
    build(env);
    return env.executeAsync(jobName);
  }

  /** Builds and runs the job until it ends (a bounded source, a stop or a cancel). */
  public JobExecutionResult execute(StreamExecutionEnvironment env, String jobName) throws Exception {
    build(env);
    return env.execute(jobName);
  }

  /**
   * Streaming-mode Flink settings from the configuration: checkpoint interval and directory
   * (checkpoints kept on cancel, so a cancelled job can be restored) and an optional restore path.
   */
  public static Configuration flinkConfiguration(CostTrackerConfig config) {
    Configuration conf = new Configuration();
    conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.STREAMING);
    conf.set(org.apache.flink.configuration.PipelineOptions.GENERIC_TYPES, false);
    conf.set(org.apache.flink.configuration.PipelineOptions.NAME, config.job.name);
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, config.checkpoints.interval);
    // alerts are a trickle: a 10 ms network buffer timeout keeps them from waiting 100 ms per hop
    // (busy edges fill their buffers long before either timeout)
    conf.set(ExecutionOptions.BUFFER_TIMEOUT, java.time.Duration.ofMillis(10));
    conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION, ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    if (config.checkpoints.dir != null) {
      conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
      conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, uri(config.checkpoints.dir));
      conf.set(CheckpointingOptions.SAVEPOINT_DIRECTORY, uri(config.checkpoints.dir) + "/savepoints");
    }
    if (config.checkpoints.restoreFrom != null) conf.set(StateRecoveryOptions.SAVEPOINT_PATH, uri(config.checkpoints.restoreFrom));
    return conf;
  }

  /** A path or URI as a URI string ({@code /tmp/x} becomes {@code file:///tmp/x}). */
  static String uri(String pathOrUri) {
    return pathOrUri.contains("://") ? pathOrUri : Path.of(pathOrUri).toAbsolutePath().toUri().toString();
  }

  /** Entry point for {@code flink run -c io.aicosttracker.jobs.CostTrackerJob ai-cost-tracker.jar ...}. */
  public static void main(String[] args) throws Exception {
    JobArguments parsed = new JobArguments();
    CommandLine cli = new CommandLine(parsed);
    try {
      cli.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      System.err.println("error: " + e.getMessage());
      cli.usage(System.err);
      System.exit(2);
    }
    if (parsed.help) {
      cli.usage(System.out);
      return;
    }
    CostTrackerConfig config = ConfigLoader.load(parsed.flags.config, parsed.overrides()).validate(true);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flinkConfiguration(config));
    if (config.job.parallelism != null) env.setParallelism(config.job.parallelism);
    fromConfig(config).execute(env, config.job.name);
  }
}
