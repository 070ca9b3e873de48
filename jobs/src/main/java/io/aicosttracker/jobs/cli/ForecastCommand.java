package io.aicosttracker.jobs.cli;

import io.aicosttracker.core.forecast.Forecast;
import io.aicosttracker.core.forecast.Forecaster;
import io.aicosttracker.core.forecast.ScopeForecasts;
import io.aicosttracker.core.format.ForecastCsv;
import io.aicosttracker.core.format.ForecastJson;
import io.aicosttracker.core.format.UsageDailyFiles;
import io.aicosttracker.core.records.CostAggregate;
import io.aicosttracker.jobs.pipeline.PipelineOptions;
import io.aicosttracker.jobs.pipeline.RunSummary;
import io.aicosttracker.jobs.pipeline.UsageBatchJob;
import io.aicosttracker.jobs.sinks.FileOutputs;
import io.aicosttracker.jobs.sinks.ForecastOutputs;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cost-tracker forecast}: 30/60/90-day cost forecasts per scope (all usage, each project,
 * each model) from event files (through the batch pipeline) or from {@code usage-daily/} CSVs.
 */
@Command(
    name = "forecast",
    mixinStandardHelpOptions = true,
    description = "Forecast daily cost per scope with prediction intervals; writes forecasts/forecasts.csv and .jsonl.")
public final class ForecastCommand implements Callable<Integer> {
  static final class Source {
    @Option(names = "--input", arity = "1..*", description = "Event files or directories: run the batch pipeline first (writes usage-daily/ under --out).")
    List<Path> inputs;

    @Option(names = "--usage-daily", description = "usage-daily/ directory (or a CSV file) written by `cost-tracker run`.")
    Path usageDaily;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Option(names = "--horizons", defaultValue = "30,60,90", split = ",", description = "Forecast horizons in days (default ${DEFAULT-VALUE}).")
  int[] horizons;

  @Option(names = "--origin", description = "First forecast day (UTC); history is the days before it. Default: the day after the latest usage.")
  LocalDate origin;

  @Option(names = "--out", required = true, description = "Output directory.")
  Path out;

  @Option(names = "--parallelism", defaultValue = "2", description = "Flink parallelism for --input (default ${DEFAULT-VALUE}).")
  int parallelism;

  @Override
  public Integer call() throws Exception {
    horizons = Horizons.validate(horizons);
    Path daily = source.usageDaily;
    if (source.inputs != null) {
      if (parallelism < 1) throw new IllegalArgumentException("--parallelism must be >= 1");
      RunSummary summary = new UsageBatchJob(source.inputs, out, new PipelineOptions(), parallelism).writePricedEvents(false).run();
      System.out.printf(Locale.ROOT, "pipeline: %,d events accepted, %,d dead-lettered, total $%,.2f%n", summary.accepted(), summary.deadLettered(), summary.totalCostUsd());
      daily = out.resolve(FileOutputs.DAILY);
    }
    List<CostAggregate> aggregates = UsageDailyFiles.read(daily);
    Map<String, Map<LocalDate, Double>> byScope = ScopeForecasts.costByScopeAndDay(aggregates);
    if (byScope.isEmpty()) throw new IllegalArgumentException("no daily usage rows in " + daily);
    LocalDate from = origin != null ? origin : ScopeForecasts.defaultOrigin(byScope);
    List<Forecast> forecasts = ScopeForecasts.forecast(Forecaster.standard(), byScope, from, horizons, System.currentTimeMillis());
    if (forecasts.isEmpty()) throw new IllegalArgumentException("no usage before --origin " + from);
    Path dir = write(forecasts);
    printTable(forecasts, from, System.out);
    System.out.println("forecasts in " + dir.resolve("forecasts.csv").toAbsolutePath() + " and forecasts.jsonl");
    return 0;
  }

  private Path write(List<Forecast> forecasts) throws IOException {
    Path dir = out.resolve(ForecastOutputs.FORECASTS);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot create output directory " + dir + ": " + e.getMessage());
    }
    try (Writer w = Files.newBufferedWriter(dir.resolve("forecasts.csv"), StandardCharsets.UTF_8)) {
      w.write(ForecastCsv.HEADER + "\n");
      for (Forecast f : forecasts) w.write(ForecastCsv.toRow(f) + "\n");
    }
    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(dir.resolve("forecasts.jsonl")))) {
      for (Forecast f : forecasts) ForecastJson.write(f, o);
    }
    return dir;
  }

  /** One line per scope: expected total and 95 % interval per horizon, model and back-test error of the first horizon. */
  static void printTable(List<Forecast> forecasts, LocalDate origin, PrintStream out) {
    Map<String, List<Forecast>> byScope = new LinkedHashMap<>();
    for (Forecast f : forecasts) byScope.computeIfAbsent(f.scope, k -> new ArrayList<>()).add(f);
    int width = Math.max(5, byScope.keySet().stream().mapToInt(String::length).max().orElse(5));
    List<Forecast> first = byScope.values().iterator().next();
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s %5s", "scope", "hist"));
    for (Forecast f : first) head.append(String.format(Locale.ROOT, "  %-30s", f.horizonDays + "d expected [95% interval]"));
    head.append("  model (mape)");
    out.println("forecasts from " + origin + " (USD)");
    out.println(head);
    for (Map.Entry<String, List<Forecast>> e : byScope.entrySet()) {
      Forecast f0 = e.getValue().get(0);
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s %5d", e.getKey(), f0.historyDays));
      for (Forecast f : e.getValue()) {
        String cell = f.isOk()
            ? String.format(Locale.ROOT, "%,.2f [%,.2f, %,.2f]", f.expectedTotalUsd, f.lower95Usd, f.upper95Usd)
            : "insufficient history";
        line.append(String.format(Locale.ROOT, "  %-30s", cell));
      }
      if (f0.isOk()) {
        line.append("  ").append(f0.forecastModel);
        line.append(Double.isNaN(f0.backtestMape) ? " (no back-test)" : String.format(Locale.ROOT, " (%.1f%% over %dd)", 100 * f0.backtestMape, f0.backtestHorizonDays));
      }
      out.println(line);
    }
  }
}
