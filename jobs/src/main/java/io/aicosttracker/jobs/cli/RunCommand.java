package io.aicosttracker.jobs.cli;

import io.aicosttracker.jobs.pipeline.CatalogSpec;
import io.aicosttracker.jobs.pipeline.PipelineOptions;
import io.aicosttracker.jobs.pipeline.RunSummary;
import io.aicosttracker.jobs.pipeline.UsageBatchJob;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import io.aicosttracker.jobs.alerts.AlertStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cost-tracker run}: the pipeline in BATCH mode over event files, on a MiniCluster or a cluster. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Price and aggregate usage events from files (BATCH mode).")
public final class RunCommand implements Callable<Integer> {
  @Option(names = "--input", required = true, arity = "1..*", description = "Event files or directories (.jsonl/.json/.ndjson/.csv).")
  List<Path> inputs;

  @Option(names = "--out", required = true, description = "Output directory.")
  Path out;

  @Option(names = "--prices", description = "Custom price catalog (genai-prices format); its entries beat the built-in ones.")
  Path prices;

  @Option(names = "--prices-replace", description = "Use only the --prices catalog, not the built-in one.")
  boolean pricesReplace;

  @Option(names = "--parallelism", defaultValue = "2", description = "Flink parallelism (default ${DEFAULT-VALUE}).")
  int parallelism;

  @Option(names = "--max-record-bytes", defaultValue = "1048576", description = "Longest accepted record (default ${DEFAULT-VALUE}).")
  int maxRecordBytes;

  @Option(names = "--no-priced-events", description = "Skip writing priced-events/ (aggregates and dead letters only).")
  boolean noPricedEvents;

  @Mixin AlertCliOptions alertOptions = new AlertCliOptions();

  @Override
  public Integer call() throws Exception {
    PipelineOptions options = pipelineOptions();
    // budgets are validated here, before anything runs
    AlertStage alerts = alertOptions.stage(options.allowedLateness, out);
    UsageBatchJob job = new UsageBatchJob(inputs, out, options, parallelism).writePricedEvents(!noPricedEvents);
    if (alerts != null) job.attach(alerts);
    RunSummary summary = job.run();
    summary.print(System.out);
    if (alerts != null) AlertSummary.read(out).print(System.out);
    System.out.println("outputs in " + out.toAbsolutePath());
    return 0;
  }

  PipelineOptions pipelineOptions() {
    if (parallelism < 1) throw new IllegalArgumentException("--parallelism must be >= 1");
    if (maxRecordBytes < 1024) throw new IllegalArgumentException("--max-record-bytes must be >= 1024");
    if (pricesReplace && prices == null) throw new IllegalArgumentException("--prices-replace needs --prices FILE");
    PipelineOptions options = new PipelineOptions();
    options.maxRecordBytes = maxRecordBytes;
    if (prices != null) options.catalog = CatalogSpec.withCustom(prices, pricesReplace);
    return options;
  }
}
