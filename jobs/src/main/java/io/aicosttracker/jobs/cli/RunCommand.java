package io.aicosttracker.jobs.cli;

import io.aicosttracker.connectors.jdbc.JdbcSettings;
import io.aicosttracker.jobs.pipeline.CatalogSpec;
import io.aicosttracker.jobs.pipeline.PipelineOptions;
import io.aicosttracker.jobs.pipeline.RunSummary;
import io.aicosttracker.jobs.pipeline.UsageBatchJob;
import io.aicosttracker.jobs.sinks.JdbcOutputs;
import io.aicosttracker.jobs.sinks.ForecastOutputs;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

  @Option(names = "--jdbc-url", description = "Also upsert hourly/daily aggregates into this PostgreSQL (jdbc:postgresql://host:port/db).")
  String jdbcUrl;

  @Option(names = "--jdbc-user", description = "Database user for --jdbc-url.")
  String jdbcUser;

  @Option(names = "--jdbc-password-env", paramLabel = "VAR", description = "Environment variable holding the --jdbc-user password.")
  String jdbcPasswordEnv;
  @Option(names = "--forecasts", description = "Also forecast per scope from the daily aggregates, to forecasts/ (JSON lines).")
  boolean forecasts;

  @Option(names = "--horizons", defaultValue = "30,60,90", split = ",", description = "Forecast horizons in days, with --forecasts (default ${DEFAULT-VALUE}).")
  int[] horizons;

  @Override
  public Integer call() throws Exception {
    PipelineOptions options = pipelineOptions();
    UsageBatchJob job = new UsageBatchJob(inputs, out, options, parallelism).writePricedEvents(!noPricedEvents);
    JdbcOutputs jdbc = jdbcOutputs(options);
    if (jdbc != null) job.attach(jdbc.checkReady());
    if (forecasts) {
      horizons = Horizons.validate(horizons);
      clearForecastParts(out.resolve(ForecastOutputs.FORECASTS)); // FileSink would add to old parts
      job.attach(new ForecastOutputs(out, horizons));
    }
    RunSummary summary = job.run();
    summary.print(System.out);
    System.out.println("outputs in " + out.toAbsolutePath());
    if (jdbc != null) System.out.println("aggregates upserted into " + JdbcSettings.redact(jdbcUrl) + " (usage_hourly, usage_daily)");
    return 0;
  }

  /** The PostgreSQL output when {@code --jdbc-url} is given, else null (files only). */
  JdbcOutputs jdbcOutputs(PipelineOptions options) {
    if (jdbcUrl == null) {
      if (jdbcUser != null || jdbcPasswordEnv != null) throw new IllegalArgumentException("--jdbc-user/--jdbc-password-env need --jdbc-url");
      return null;
    }
    return new JdbcOutputs(JdbcSettings.fromEnvironment(jdbcUrl, jdbcUser, jdbcPasswordEnv, System::getenv), options.catalog);
  }

  private static void clearForecastParts(java.nio.file.Path dir) throws java.io.IOException {
    if (!java.nio.file.Files.isDirectory(dir)) return;
    try (var s = java.nio.file.Files.walk(dir)) {
      for (java.nio.file.Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) java.nio.file.Files.delete(p);
    }
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
