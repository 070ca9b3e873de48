package io.aicosttracker.jobs.export;

import io.aicosttracker.connectors.records.ParsedRecord;
import io.aicosttracker.jobs.pipeline.FileUsageSource;
import io.aicosttracker.jobs.pipeline.OutputAttachment;
import io.aicosttracker.jobs.pipeline.PipelineOptions;
import io.aicosttracker.jobs.pipeline.PipelineOutputs;
import io.aicosttracker.jobs.pipeline.UsagePipeline;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * {@code cost-tracker export}: a BATCH job that prices and aggregates event files with the shared
 * pipeline and writes one dataset as a date-partitioned snapshot, then its {@code _manifest.json}.
 * Alerts and forecasts are instead read back from the JSON lines a run recorded
 * ({@link RecordFileSource}) and written through the same export path. With a
 * {@link KafkaExportInput} the usage events (and alerts) come from Kafka topics instead of files,
 * up to the offsets that were the latest at job start, through the same pipeline and writers.
 *
 * <p>Order of work: check the arguments and the destination (writable, earlier files of this
 * dataset removed), run the job, then read the files back for the manifest. If the job fails, the
 * dataset's files (completed and in-progress) are deleted, so no partial snapshot stays visible and
 * a rerun starts clean.
 */
public final class ExportJob {
  private final List<Path> inputs;
  private final KafkaExportInput kafka;
  private final ExportSpec spec;
  private final PipelineOptions options;
  private final int parallelism;
  private final List<OutputAttachment> extra = new ArrayList<>();
  private Map<String, String> environment = System.getenv();
  private PrintStream progressOut;

  /** An export from files: usage-event files, or a run's recorded alerts/forecasts. */
  public ExportJob(List<Path> inputs, ExportSpec spec, PipelineOptions options, int parallelism) {
    this(inputs, null, spec, options, parallelism);
  }

  /** An export from Kafka topics, read from the earliest to the latest offsets at start. */
  public ExportJob(KafkaExportInput kafka, ExportSpec spec, PipelineOptions options, int parallelism) {
    this(List.of(), Objects.requireNonNull(kafka, "kafka"), spec, options, parallelism);
  }

  private ExportJob(List<Path> inputs, KafkaExportInput kafka, ExportSpec spec, PipelineOptions options, int parallelism) {
    this.inputs = inputs;
    this.kafka = kafka;
    this.spec = spec;
    this.options = options;
    this.parallelism = parallelism;
  }

  /** Shows a progress line on {@code out} (a terminal) while the job runs. */
  public ExportJob progressTo(PrintStream out) {
    this.progressOut = out;
    return this;
  }

  /** The environment the S3 settings are read from (tests pass their own). */
  public ExportJob environment(Map<String, String> env) {
    this.environment = env;
    return this;
  }

  /** Adds a further stage to the job graph (used by tests to inject a failure mid-export). */
  public ExportJob attach(OutputAttachment attachment) {
    extra.add(attachment);
    return this;
  }

  public ExportSummary run() throws Exception {
    if (parallelism < 1) throw new IllegalArgumentException("--parallelism must be >= 1");
    boolean fromEvents = spec.dataset().fromEvents();
    if (!fromEvents && !extra.isEmpty()) throw new IllegalStateException("extra stages attach to the pipeline, which " + spec.dataset().id() + " exports do not run");
    List<Path> files =
        kafka != null ? List.of() : fromEvents ? FileUsageSource.expand(inputs) : RecordFileSource.expand(inputs, spec.dataset());
    // checked before the destination is touched: a missing topic must not remove an earlier snapshot
    long kafkaRecords = kafka != null ? kafka.recordsToRead(spec.dataset()) : 0;
    ExportFileSystems.initialize(environment);
    ExportDestination dest = ExportDestination.open(spec.destination(), spec.dataset(), spec.format());
    dest.prepare();

    StreamExecutionEnvironment env = environment(parallelism);
    ExportOutputs export = new ExportOutputs(spec.withDestination(dest.root().toString()));
    switch (spec.dataset()) {
      case ALERTS -> export.writeAlerts(kafka != null ? kafka.alerts(env) : RecordFileSource.alerts(env, files));
      case FORECASTS -> export.writeForecasts(RecordFileSource.forecasts(env, files));
      default -> {
        ExportFilter filter = spec.filter();
        List<DataStream<ParsedRecord>> sources =
            kafka != null ? List.of(kafka.events(env, options)) : FileUsageSource.createEach(env, files, options);
        // filtered inside each source's chain, so only wanted events cross the network
        List<DataStream<ParsedRecord>> parsed = new java.util.ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
          parsed.add(
              sources.get(i)
                  .filter(r -> r.event == null || filter.mayContribute(r.event))
                  .uid(i == 0 ? "export-prefilter" : "export-prefilter-" + i)
                  .name("Pre-filter events"));
        }
        PipelineOutputs outputs = UsagePipeline.build(parsed, options);
        export.attach(outputs);
        for (OutputAttachment a : extra) a.attach(outputs);
      }
    }

    long start = System.nanoTime();
    JobExecutionResult result;
    JobClient client = env.executeAsync("cost-tracker export " + spec.dataset().id());
    try (ExportProgress progress = ExportProgress.start(client, kafka != null ? kafkaRecords : -1, files, progressOut, progressOut != null)) {
      result = client.getJobExecutionResult().get();
    } catch (ExecutionException | InterruptedException | RuntimeException e) {
      dest.removeDatasetFiles();
      throw e;
    }
    try {
      List<ExportManifest.FileEntry> written = ExportManifest.describeFiles(dest, spec.format());
      long rows = counter(result, ExportCounters.ROWS);
      long fileRows = written.stream().mapToLong(ExportManifest.FileEntry::rows).sum();
      if (fileRows != rows) {
        throw new IllegalStateException("export incomplete: the job wrote " + rows + " rows but the files hold " + fileRows);
      }
      Double cost = !spec.dataset().hasCost() ? null
          : result.getAllAccumulatorResults().get(ExportCounters.COST_USD) instanceof Number n ? n.doubleValue() : 0.0;
      Long min = rows == 0 ? null : Long.valueOf(counter(result, ExportCounters.MIN_TIME));
      Long max = rows == 0 ? null : Long.valueOf(counter(result, ExportCounters.MAX_TIME));
      dest.writeManifest(
          ExportManifest.toJson(spec, ExportOutputs.schemaOf(spec.dataset(), spec.schema()), rows, cost, min, max, written, Instant.now()));
      long elapsed = (System.nanoTime() - start) / 1_000_000;
      return new ExportSummary(spec, dest.root() + "/" + ExportDestination.MANIFEST, rows, cost, written, elapsed);
    } catch (Exception e) {
      dest.removeDatasetFiles();
      throw e;
    }
  }

  /** A BATCH environment; locally a MiniCluster with fast heartbeats so progress stays current. */
  static StreamExecutionEnvironment environment(int parallelism) {
    Configuration conf = new Configuration();
    conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
    conf.set(org.apache.flink.configuration.PipelineOptions.GENERIC_TYPES, false);
    conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(256));
    conf.set(TaskManagerOptions.NUM_TASK_SLOTS, parallelism);
    // a failed export is cleaned up and rerun by the user, not retried half-way
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    // accumulators reach the client with heartbeats: every second for a live progress line
    conf.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, java.time.Duration.ofSeconds(1));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(parallelism);
    // no operator here keeps or mutates a record it handed on, so chained operators need no copies
    env.getConfig().enableObjectReuse();
    return env;
  }

  private static long counter(JobExecutionResult result, String name) {
    Object v = result.getAllAccumulatorResults().get(name);
    return v instanceof Number n ? n.longValue() : 0L;
  }
}
