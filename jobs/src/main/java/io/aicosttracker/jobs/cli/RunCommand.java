package io.aicosttracker.jobs.cli;

import io.aicosttracker.connectors.jdbc.JdbcSettings;
import io.aicosttracker.jobs.LocalStreamingRun;
import io.aicosttracker.jobs.StreamingFlags;
import io.aicosttracker.jobs.config.ConfigLoader;
import io.aicosttracker.jobs.config.CostTrackerConfig;
import io.aicosttracker.jobs.pipeline.CatalogSpec;
import io.aicosttracker.jobs.pipeline.PipelineOptions;
import io.aicosttracker.jobs.pipeline.RunSummary;
import io.aicosttracker.jobs.pipeline.UsageBatchJob;
import io.aicosttracker.jobs.sinks.JdbcOutputs;
import io.aicosttracker.jobs.sinks.OutputPlan;
import io.aicosttracker.connectors.notify.config.NotificationConfigLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import io.aicosttracker.jobs.alerts.AlertStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cost-tracker run}: the pipeline in BATCH mode over event files, or ({@code --kafka}) the
 * streaming job over a Kafka topic, on an embedded MiniCluster.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Price and aggregate usage events: from files (--input, BATCH mode) or continuously from Kafka (--kafka, STREAMING mode).",
      "Streaming runs until Ctrl-C (stops with a resumable savepoint) or --until-idle SECONDS (drains: all windows written)."
    })
public final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--input", arity = "1..*", description = "Event files or directories (.jsonl/.json/.ndjson/.csv).")
  List<Path> inputs;

  @Option(names = "--until-idle", paramLabel = "SECONDS", description = "Streaming: stop (draining all windows) after no record arrived for this long.")
  Integer untilIdle;

  @Option(names = "--out", description = "Output directory (required; streaming: output.dir).")
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

  @Option(names = "--notifications", paramLabel = "FILE", description = "Send alerts through the channels and routes in FILE (docs/notifications.md).")
  Path notificationsFile;

  @Option(names = "--notify-max-age-hours", defaultValue = "24", description = "Send only alerts whose event time is this recent; older ones (a backfill) are recorded, not sent (default ${DEFAULT-VALUE}).")
  long notifyMaxAgeHours;

  @Option(names = "--forecasts", description = "Also forecast per scope from the daily aggregates, to forecasts/ (JSON lines).")
  boolean forecasts;

  @Option(names = "--horizons", defaultValue = "30,60,90", split = ",", description = "Forecast horizons in days, with --forecasts (default ${DEFAULT-VALUE}).")
  int[] horizons;
  @Mixin AlertCliOptions alertOptions = new AlertCliOptions();
  /** --kafka, --topic, --group-id, --config, --set (streaming only) and --jdbc-* (both modes). */
  @Mixin StreamingFlags streaming = new StreamingFlags();

  @Override
  public Integer call() throws Exception {
    if (inputs != null && (streaming.kafka != null || streaming.config != null)) {
      throw new IllegalArgumentException("--input (files, batch) and --kafka/--config (streaming) exclude each other");
    }
    if (inputs == null && streaming.kafka == null && streaming.config == null) {
      throw new IllegalArgumentException("give --input FILES (batch) or --kafka BOOTSTRAP (streaming)");
    }
    if (inputs == null) return stream();
    if (untilIdle != null || streaming.anyStreamingOnly()) {
      throw new IllegalArgumentException("--topic, --group-id, --until-idle and --set apply to streaming runs (--kafka) only");
    }
    if (out == null) throw new IllegalArgumentException("--out DIR is required");
    PipelineOptions options = pipelineOptions();
    // everything is validated here, before anything runs
    AlertStage alerts = alertOptions.stage(options.allowedLateness, out);
    OutputPlan plan = new OutputPlan().derivedFilesIn(out).alerts(alerts);
    if (notificationsFile != null) {
      if (alerts == null) throw new IllegalArgumentException("--notifications needs the alert stage (drop --no-alerts)");
      plan.notifications(NotificationConfigLoader.load(notificationsFile).withBudgetChannels(alertOptions.budgetChannels()), Duration.ofHours(notifyMaxAgeHours));
    }
    if (streaming.jdbcUrl != null) plan.jdbc(jdbcSettings(), options.catalog);
    else if (streaming.jdbcUser != null || streaming.jdbcPasswordEnv != null) throw new IllegalArgumentException("--jdbc-user/--jdbc-password-env need --jdbc-url");
    if (forecasts) plan.forecasts(Horizons.validate(horizons));
    UsageBatchJob job = new UsageBatchJob(inputs, out, options, parallelism).writePricedEvents(!noPricedEvents).attach(plan);
    RunSummary summary = job.run();
    summary.print(System.out);
    if (alerts != null) AlertSummary.read(out).print(System.out);
    System.out.println("outputs in " + out.toAbsolutePath());
    if (streaming.jdbcUrl != null) System.out.println("upserted into PostgreSQL at " + JdbcSettings.redact(streaming.jdbcUrl));
    return 0;
  }

  /** PostgreSQL settings from the flags, checked against the database before the job starts. */
  private JdbcSettings jdbcSettings() {
    JdbcSettings settings = JdbcSettings.fromEnvironment(streaming.jdbcUrl, streaming.jdbcUser, streaming.jdbcPasswordEnv, System::getenv);
    settings.checkReady(JdbcOutputs.TABLES);
    return settings;
  }

  private Integer stream() throws Exception {
    if (untilIdle != null && untilIdle < 1) throw new IllegalArgumentException("--until-idle must be >= 1 second");
    CostTrackerConfig cfg = ConfigLoader.load(streaming.config, streamingOverrides()).validate(true);
    if (cfg.output.dir == null) throw new IllegalArgumentException("--out DIR (or output.dir) is required");
    Duration idle = untilIdle == null ? null : Duration.ofSeconds(untilIdle);
    new LocalStreamingRun(cfg, idle, System.out).run().print(System.out);
    System.out.println("outputs in " + Path.of(cfg.output.dir).toAbsolutePath());
    return 0;
  }

  /** Flags given on the command line as configuration keys; they beat the config file. */
  Map<String, String> streamingOverrides() {
    Map<String, String> m = streaming.overrides();
    if (out != null) m.put("output.dir", out.toString());
    if (given("--parallelism")) m.put("job.parallelism", Integer.toString(parallelism));
    if (given("--max-record-bytes")) m.put("pipeline.max-record-bytes", Integer.toString(maxRecordBytes));
    if (prices != null) m.put("pipeline.prices", prices.toString());
    if (pricesReplace) m.put("pipeline.prices-replace", "true");
    if (noPricedEvents) m.put("output.priced-events", "false");
    // the alert flags mean the same in both modes
    if (alertOptions.budgets != null) m.put("alerts.budgets-file", alertOptions.budgets.toString());
    if (notificationsFile != null) m.put("alerts.notifications-file", notificationsFile.toString());
    if (given("--notify-max-age-hours")) m.put("alerts.notify-max-age", notifyMaxAgeHours + "h");
    if (alertOptions.noAlerts) m.put("alerts.enabled", "false");
    if (alertOptions.noAnomalies) m.put("alerts.anomalies", "false");
    if (given("--anomaly-granularity")) m.put("alerts.anomaly-granularity", alertOptions.granularity);
    if (alertOptions.points != null) m.put("alerts.anomaly-points", alertOptions.points.toString());
    if (given("--anomaly-z")) m.put("alerts.anomaly-z", Double.toString(alertOptions.z));
    if (given("--anomaly-min-usd")) m.put("alerts.anomaly-min-usd", Double.toString(alertOptions.minUsd));
    if (given("--anomaly-min-history-days")) m.put("alerts.anomaly-min-history", alertOptions.minHistoryDays + "d");
    if (alertOptions.includeManual) m.put("alerts.anomaly-include-manual", "true");
    return m;
  }

  private boolean given(String option) {
    return spec.commandLine().getParseResult().hasMatchedOption(option);
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
