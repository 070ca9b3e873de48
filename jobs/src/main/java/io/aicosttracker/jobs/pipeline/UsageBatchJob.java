package io.aicosttracker.jobs.pipeline;

import io.aicosttracker.jobs.sinks.FileOutputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * {@code cost-tracker run --input ...}: the usage pipeline in BATCH mode over event files,
 * writing priced events, hourly/daily aggregates and dead letters under one directory.
 */
public final class UsageBatchJob {
  /** Every folder a batch run writes under its output directory (and clears first). */
  public static final List<String> OUTPUT_DIRS =
      List.of(
          FileOutputs.PRICED,
          FileOutputs.HOURLY,
          FileOutputs.DAILY,
          FileOutputs.DEAD_LETTERS,
          io.aicosttracker.jobs.alerts.AlertStage.ALERTS_DIR,
          io.aicosttracker.jobs.alerts.AlertStage.BUDGET_STATUS_DIR,
          io.aicosttracker.jobs.sinks.ForecastOutputs.FORECASTS,
          io.aicosttracker.connectors.notify.flink.NotificationStage.DELIVERIES_DIR,
          io.aicosttracker.connectors.notify.flink.NotificationStage.DEAD_LETTERS_DIR);

  private final List<Path> inputs;
  private final Path outDir;
  private final PipelineOptions options;
  private final int parallelism;
  private boolean writePricedEvents = true;
  private final List<OutputAttachment> attachments = new java.util.ArrayList<>();

  public UsageBatchJob(List<Path> inputs, Path outDir, PipelineOptions options, int parallelism) {
    this.inputs = inputs;
    this.outDir = outDir;
    this.options = options;
    this.parallelism = parallelism;
  }

  public UsageBatchJob writePricedEvents(boolean write) {
    this.writePricedEvents = write;
    return this;
  }

  /** Adds an output beyond the local files (a JDBC sink, alerts, exports, ...). */
  public UsageBatchJob attach(OutputAttachment attachment) {
    attachments.add(attachment);
    return this;
  }

  /** Runs the job to completion and returns its summary. */
  public RunSummary run() throws Exception {
    List<Path> files = FileUsageSource.expand(inputs);
    prepareOutputDir();
    options.batch = true;
    options.expectedEvents = FileUsageSource.estimateEvents(files);
    StreamExecutionEnvironment env = LocalEnvironments.create(RuntimeExecutionMode.BATCH, parallelism);
    PipelineOutputs outputs = UsagePipeline.build(FileUsageSource.createEach(env, files, options), options);
    new FileOutputs(outDir, writePricedEvents).attach(outputs);
    for (OutputAttachment a : attachments) a.attach(outputs);
    long start = System.nanoTime();
    JobExecutionResult result = env.execute("cost-tracker run");
    long elapsed = (System.nanoTime() - start) / 1_000_000;
    return RunSummary.of(result, outDir.resolve(FileOutputs.DAILY), elapsed);
  }

  /** Creates the output directory and clears the outputs of an earlier run (only those). */
  private void prepareOutputDir() throws IOException {
    try {
      Files.createDirectories(outDir);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot create output directory " + outDir + ": " + e.getMessage());
    }
    if (!Files.isWritable(outDir)) throw new IllegalArgumentException("output directory not writable: " + outDir);
    // a FileSink adds part files next to old ones: a batch run replaces its outputs instead
    for (String sub : OUTPUT_DIRS) deleteRecursively(outDir.resolve(sub));
  }

  static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p)) return;
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(x);
    }
  }
}
