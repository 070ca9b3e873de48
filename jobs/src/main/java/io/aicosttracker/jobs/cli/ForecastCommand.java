package io.aicosttracker.jobs.cli;

import io.aicosttracker.core.budget.Budget;
import io.aicosttracker.core.budget.BudgetConfigLoader;
import io.aicosttracker.core.forecast.BudgetOutlook;
import io.aicosttracker.core.forecast.Forecast;
import io.aicosttracker.core.forecast.ForecastScopes;
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
 * each model and, with {@code --budgets}, each budget's scope {@code budget:ID}) from event files
 * (through the batch pipeline) or from {@code usage-daily/} CSVs. With budgets it also writes each
 * budget's outlook for its current period (projected spend, expected exhaustion time).
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

  @Option(names = "--budgets", description = "Budgets file (YAML/JSON, as for `run`): also forecast each budget's scope as budget:ID and project its current period.")
  Path budgetsFile;

  @Option(names = "--parallelism", defaultValue = "2", description = "Flink parallelism for --input (default ${DEFAULT-VALUE}).")
  int parallelism;

  @Override
  public Integer call() throws Exception {
    horizons = Horizons.validate(horizons);
    List<Budget> budgets = budgetsFile == null ? List.of() : BudgetConfigLoader.load(budgetsFile);
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
    for (Budget b : ScopeForecasts.addBudgetScopes(byScope, aggregates, budgets)) {
      System.err.println("budget '" + b.id() + "': scope " + b.scope().describe()
          + " filters on team, which daily aggregates do not carry; not forecast here (the streaming job forecasts it from the events)");
    }
    List<Forecast> forecasts = ScopeForecasts.forecast(Forecaster.standard(), byScope, from, horizons, System.currentTimeMillis());
    if (forecasts.isEmpty()) throw new IllegalArgumentException("no usage before --origin " + from);
    Path dir = write(forecasts);
    printTable(forecasts, from, System.out);
    System.out.println("forecasts in " + dir.resolve("forecasts.csv").toAbsolutePath() + " and forecasts.jsonl");
    if (!budgets.isEmpty()) {
      List<BudgetOutlook> outlooks = outlooks(budgets, forecasts, byScope);
      writeOutlooks(outlooks, dir);
      printOutlooks(outlooks, System.out);
      System.out.println("budget outlooks in " + dir.resolve(BUDGET_OUTLOOK + ".csv").toAbsolutePath() + " and " + BUDGET_OUTLOOK + ".jsonl");
    }
    return 0;
  }

  static final String BUDGET_OUTLOOK = "budget-outlook";

  /** Each budget's current period projected with its scope's shortest-horizon forecast (budgets without usage are left out). */
  static List<BudgetOutlook> outlooks(List<Budget> budgets, List<Forecast> forecasts, Map<String, Map<LocalDate, Double>> byScope) {
    List<BudgetOutlook> out = new ArrayList<>();
    for (Budget b : budgets) {
      String scope = ForecastScopes.budget(b.id());
      forecasts.stream()
          .filter(f -> f.scope.equals(scope))
          .min(java.util.Comparator.comparingInt(f -> f.horizonDays))
          .ifPresent(f -> out.add(BudgetOutlook.of(b, f, byScope.get(scope))));
    }
    return out;
  }

  private static void writeOutlooks(List<BudgetOutlook> outlooks, Path dir) throws IOException {
    try (Writer w = Files.newBufferedWriter(dir.resolve(BUDGET_OUTLOOK + ".csv"), StandardCharsets.UTF_8)) {
      w.write(io.aicosttracker.core.format.BudgetOutlookFormats.CSV_HEADER + "\n");
      for (BudgetOutlook o : outlooks) w.write(io.aicosttracker.core.format.BudgetOutlookFormats.csvRow(o) + "\n");
    }
    try (Writer w = Files.newBufferedWriter(dir.resolve(BUDGET_OUTLOOK + ".jsonl"), StandardCharsets.UTF_8)) {
      for (BudgetOutlook o : outlooks) w.write(io.aicosttracker.core.format.BudgetOutlookFormats.json(o) + "\n");
    }
  }

  static void printOutlooks(List<BudgetOutlook> outlooks, PrintStream out) {
    out.println("budgets, current period projected with the forecast (USD)");
    out.printf(Locale.ROOT, "%-20s %-11s %10s %10s %10s  %s%n", "budget", "period", "amount", "spent", "projected", "runs out");
    for (BudgetOutlook o : outlooks) {
      String projected = Double.isNaN(o.projectedSpendUsd()) ? o.status() : String.format(Locale.ROOT, "%,.2f", o.projectedSpendUsd());
      String runsOut = o.exhaustionTime() == null ? (o.spentUsd() >= o.amountUsd() ? "already spent" : "-")
          : java.time.Instant.ofEpochMilli(o.exhaustionTime()).atZone(java.time.ZoneId.of(o.timeZone())).toLocalDateTime().truncatedTo(java.time.temporal.ChronoUnit.MINUTES) + " " + o.timeZone();
      out.printf(Locale.ROOT, "%-20s %-11s %,10.2f %,10.2f %10s  %s%n", o.budgetId(), o.periodLabel(), o.amountUsd(), o.spentUsd(), projected, runsOut);
    }
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
