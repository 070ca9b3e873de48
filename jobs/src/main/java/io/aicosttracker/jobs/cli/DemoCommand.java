package io.aicosttracker.jobs.cli;

import io.aicosttracker.jobs.alerts.AlertStage;
import io.aicosttracker.jobs.functions.AnomalyOptions;
import io.aicosttracker.jobs.pipeline.PipelineOptions;
import io.aicosttracker.jobs.sinks.OutputPlan;
import io.aicosttracker.jobs.pipeline.RunSummary;
import io.aicosttracker.jobs.pipeline.UsageBatchJob;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cost-tracker demo}: 90 days of generated usage (with a few bad and re-sent records to
 * show dead-lettering and de-duplication) run through the pipeline on an embedded MiniCluster.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Generate 90 days of events, run the pipeline locally, print the summary.")
public final class DemoCommand implements Callable<Integer> {
  @Option(names = "--out", defaultValue = "demo-output", description = "Working directory (default ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--events", defaultValue = "200000", description = "Events to generate (default ${DEFAULT-VALUE}).")
  long events;

  @Override
  public Integer call() throws Exception {
    Path input = out.resolve("events.jsonl");
    System.out.printf("generating %,d events over 90 days into %s ...%n", events, input);
    GenerateCommand.write(input, events, 90, 42, LocalDate.parse("2026-09-01"), 0.6, 10);
    appendBadAndResentRecords(input);
    System.out.println("running the pipeline on an embedded Flink MiniCluster ...");
    PipelineOptions options = new PipelineOptions();
    // single long-context requests in this data cost up to ~$5 each: with the default $1 floor the
    // z-score flags many of them (docs/budgets-anomalies.md); $5 separates the labelled spikes
    AnomalyOptions anomalies = AnomalyOptions.hourly();
    anomalies.dollarFloor = 5.0;
    System.out.println("anomaly detector: hourly z >= 3 and excess >= $5 (run --anomaly-min-usd to change)");
    // the demo shows the alert stage (anomalies on the labelled spikes, unpriced models) and forecasts too
    OutputPlan derived =
        new OutputPlan()
            .derivedFilesIn(out)
            .alerts(new AlertStage(List.of(), anomalies, options.allowedLateness))
            .forecasts(new int[] {30, 60, 90});
    RunSummary summary = new UsageBatchJob(List.of(input), out, options, 2).attach(derived).run();
    summary.print(System.out);
    AlertSummary.read(out).print(System.out);
    System.out.println();
    System.out.println("files:");
    System.out.println("  priced events   " + out.resolve("priced-events").toAbsolutePath());
    System.out.println("  hourly usage    " + out.resolve("usage-hourly").toAbsolutePath());
    System.out.println("  daily usage     " + out.resolve("usage-daily").toAbsolutePath());
    System.out.println("  dead letters    " + out.resolve("dead-letters").toAbsolutePath());
    System.out.println("  alerts          " + out.resolve(AlertStage.ALERTS_DIR).toAbsolutePath());
    System.out.println("  forecasts       " + out.resolve("forecasts").toAbsolutePath());
    System.out.println("  spike labels    " + GenerateCommand.labelsPath(input).toAbsolutePath());
    return 0;
  }

  /** A producer in the real world re-sends and garbles records; the demo shows both handled. */
  private static void appendBadAndResentRecords(Path input) throws IOException {
    List<String> firstLines;
    try (var lines = Files.lines(input, StandardCharsets.UTF_8)) {
      firstLines = lines.limit(3).toList();
    }
    try (Writer w = Files.newBufferedWriter(input, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
      for (String l : firstLines) w.write(l + "\n"); // re-sent: counted once
      w.write("{\"event_id\": \"broken-1\", \"timestamp\": \"2026-09-02T10:00:00Z\"\n");
      w.write("{\"event_id\":\"neg-1\",\"timestamp\":\"2026-09-02T10:00:00Z\",\"provider\":\"openai\",\"model\":\"gpt-4o\","
          + "\"project\":\"search\",\"input_tokens\":-5,\"source\":\"api\"}\n");
      w.write("{\"event_id\":\"src-1\",\"timestamp\":\"2026-09-02T10:00:00Z\",\"provider\":\"openai\",\"model\":\"gpt-4o\","
          + "\"project\":\"search\",\"input_tokens\":5,\"source\":\"spreadsheet\"}\n");
    }
  }
}
