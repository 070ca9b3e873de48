package io.aicosttracker.jobs.cli;

import io.aicosttracker.core.forecast.DailySeries;
import io.aicosttracker.core.forecast.Forecast;
import io.aicosttracker.core.forecast.Forecaster;
import io.aicosttracker.core.forecast.ForecastModel;
import io.aicosttracker.core.forecast.ForecastScopes;
import io.aicosttracker.core.forecast.HoltWinters;
import io.aicosttracker.core.forecast.LogTrendDayOfWeekRegression;
import io.aicosttracker.core.forecast.TrendDayOfWeekRegression;
import io.aicosttracker.core.generate.SyntheticDailyCosts;
import io.aicosttracker.core.generate.SyntheticUsageGenerator;
import io.aicosttracker.core.pricing.PriceCatalog;
import io.aicosttracker.core.pricing.PriceQuote;
import io.aicosttracker.core.pricing.UsagePricer;
import io.aicosttracker.core.records.PricedUsage;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cost-tracker bench forecast}: forecast accuracy on generated data, not a test.
 *
 * <p>For each seed, {@code --days} of usage come from the event generator (trend, weekly and
 * hourly seasonality, heavy-tailed request costs, labelled spikes), priced with the built-in
 * catalog and summed per day and scope (all usage, each project); and, as a control with known
 * noise, from {@link SyntheticDailyCosts#typical()}. Then, at origins every {@code --origin-step}
 * days from day {@code --min-history} on, the forecaster sees only the days before the origin
 * and its horizon totals are compared with what followed: MAPE of each horizon total and the
 * share of outcomes inside the 80 % and 95 % intervals, for all usage, all projects pooled and
 * each project.
 *
 * <p>The window starts on {@code --start} (default 2026-06-01: 180 days end on 2026-11-27,
 * before today, and no catalog price of a model the generator uses changes inside it). The
 * catalog price changes of the generated models that fall inside the window are listed before
 * the figures, so a run that straddles one (e.g. {@code --start 2026-01-01}: claude-sonnet-4-6
 * on 2026-03-13) says so; that is then the point of the run, not noise in the figures.
 */
@Command(name = "forecast", mixinStandardHelpOptions = true, description = "Back-test the forecaster on generated data; prints MAPE per horizon and interval coverage.")
public final class BenchForecastCommand implements Callable<Integer> {
  @Option(names = "--start", defaultValue = "2026-06-01", description = "First day of every data set (default ${DEFAULT-VALUE}).")
  LocalDate start;

  @Option(names = "--seeds", defaultValue = "5", description = "Generated data sets (default ${DEFAULT-VALUE}).")
  int seeds;

  @Option(names = "--days", defaultValue = "180", description = "Days per data set (default ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--events-per-day", defaultValue = "2000", description = "Regular events per day for the event generator (default ${DEFAULT-VALUE}).")
  int eventsPerDay;

  @Option(names = "--spikes", defaultValue = "12", description = "Labelled spikes per event data set (default ${DEFAULT-VALUE}).")
  int spikes;

  @Option(names = "--horizons", defaultValue = "30,60,90", split = ",", description = "Horizons (default ${DEFAULT-VALUE}).")
  int[] horizons;

  @Option(names = "--min-history", defaultValue = "60", description = "First origin: days of history (default ${DEFAULT-VALUE}).")
  int minHistory;

  @Option(names = "--origin-step", defaultValue = "5", description = "Days between origins (default ${DEFAULT-VALUE}).")
  int originStep;

  @Option(names = "--models", defaultValue = "ols,log,hw", split = ",", description = "Candidate models: ols, log, hw (default ${DEFAULT-VALUE}; for comparisons).")
  List<String> models;

  @Option(names = "--first-seed", defaultValue = "1", description = "Seed of the first data set (default ${DEFAULT-VALUE}); seeds are first-seed .. first-seed + seeds - 1.")
  int firstSeed;

  @Option(names = "--no-calibration-growth", description = "Carry the back-test's interval scale to longer horizons unchanged (the earlier behaviour), for comparisons.")
  boolean noCalibrationGrowth;

  @Option(names = "--no-earlier-calibration-folds", description = "Calibrate intervals on the model-selection folds only (the earlier behaviour: often one fold with 60-90 days of history), for comparisons.")
  boolean noEarlierCalibrationFolds;

  @Option(names = "--misses", description = "Print every all-usage forecast whose 95 %% interval missed the outcome (seed, origin, model, scale, back-test horizon and folds).")
  boolean misses;

  private long currentSeed;

  @Option(names = "--no-calibration", description = "Keep each model's own intervals (no back-test calibration), for comparisons.")
  boolean noCalibration;

  /** Accumulated errors of one (data kind, horizon). */
  private static final class Score {
    int n;
    double sumApe;
    int in80;
    int in95;
    double sumWidth95;
    double sumScale;
    final Map<String, Integer> models = new TreeMap<>();

    void add(Forecast f, double actual) {
      n++;
      sumApe += Math.abs(f.expectedTotalUsd - actual) / actual;
      if (actual >= f.lower80Usd && actual <= f.upper80Usd) in80++;
      if (actual >= f.lower95Usd && actual <= f.upper95Usd) in95++;
      sumWidth95 += (f.upper95Usd - f.lower95Usd) / f.expectedTotalUsd;
      sumScale += f.intervalScale;
      models.merge(f.forecastModel, 1, Integer::sum);
    }
  }

  @Override
  public Integer call() {
    horizons = Horizons.validate(horizons);
    if (seeds < 1 || days < minHistory + horizons[0] || minHistory < Forecaster.MIN_HISTORY_DAYS || originStep < 1 || eventsPerDay < 1) {
      throw new IllegalArgumentException("need --seeds >= 1, --min-history >= 14, --days >= --min-history + the shortest horizon, --origin-step >= 1");
    }
    long started = System.nanoTime();
    Map<String, Score> scores = new LinkedHashMap<>();
    Forecaster forecaster = new Forecaster(candidates(), !noCalibration, !noCalibrationGrowth, !noEarlierCalibrationFolds);
    PriceCatalog catalog = PriceCatalog.builtIn();
    for (int seed = firstSeed; seed < firstSeed + seeds; seed++) {
      currentSeed = seed;
      Map<String, Map<LocalDate, Double>> events = eventSeries(seed, catalog, seed == firstSeed);
      for (Map.Entry<String, Map<LocalDate, Double>> e : new TreeMap<>(events).entrySet()) {
        if (e.getKey().equals(ForecastScopes.ALL)) {
          backtest(forecaster, List.of("events: all usage"), e.getKey(), e.getValue(), scores);
        } else {
          backtest(forecaster, List.of("events: per project (pooled)", "events: " + e.getKey()), e.getKey(), e.getValue(), scores);
        }
      }
      double[] control = SyntheticDailyCosts.typical().generate(seed, days, days, start.getDayOfWeek().getValue() - 1);
      Map<LocalDate, Double> controlByDay = new HashMap<>();
      for (int t = 0; t < days; t++) controlByDay.put(start.plusDays(t), control[t]);
      backtest(forecaster, List.of("control: 10% noise + spikes"), "control", controlByDay, scores);
    }
    print(scores, (System.nanoTime() - started) / 1e9);
    return 0;
  }

  private List<ForecastModel> candidates() {
    List<ForecastModel> out = new ArrayList<>();
    for (String m : models) {
      out.add(switch (m.trim()) {
        case "ols" -> new TrendDayOfWeekRegression();
        case "log" -> new LogTrendDayOfWeekRegression();
        case "hw" -> new HoltWinters();
        default -> throw new IllegalArgumentException("--models takes ols, log, hw; got " + m);
      });
    }
    return out;
  }

  private Map<String, Map<LocalDate, Double>> eventSeries(long seed, PriceCatalog catalog, boolean reportPriceChanges) {
    long startMillis = start.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    SyntheticUsageGenerator gen = new SyntheticUsageGenerator(seed, startMillis, days, 0.6, catalog);
    UsagePricer pricer = new UsagePricer(catalog);
    Map<String, Map<LocalDate, Double>> byScope = new HashMap<>();
    Set<String> models = new TreeSet<>();
    PricedUsage p = new PricedUsage();
    gen.generate((long) eventsPerDay * days, spikes, e -> {
      models.add(e.provider + "\t" + e.model);
      p.copyFrom(e);
      pricer.priceInto(p);
      LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(e.timestamp, 86_400_000L));
      byScope.computeIfAbsent(ForecastScopes.ALL, k -> new HashMap<>()).merge(day, p.costUsd, Double::sum);
      byScope.computeIfAbsent(ForecastScopes.project(e.project), k -> new HashMap<>()).merge(day, p.costUsd, Double::sum);
    });
    if (reportPriceChanges) printPriceChanges(catalog, models);
    return byScope;
  }

  /**
   * Days inside the window on which the catalog price of a generated model changes: two fixed
   * requests quoted at 12:00 UTC, a short one and a long-context one (above the 200k-token tiers,
   * whose removal is what changed claude-sonnet-4-6 on 2026-03-13).
   */
  private void printPriceChanges(PriceCatalog catalog, Set<String> models) {
    List<String> changes = new ArrayList<>();
    for (String pm : models) {
      String[] x = pm.split("\t", 2);
      Double previous = null;
      for (int t = 0; t < days; t++) {
        long noon = start.plusDays(t).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + 43_200_000L;
        PriceQuote shortRequest = catalog.quote(x[0], x[1], noon, 5_000, 1_000, 500, 1_000, 1);
        PriceQuote longRequest = catalog.quote(x[0], x[1], noon, 400_000, 100_000, 20_000, 10_000, 1);
        if (shortRequest == null || longRequest == null) break; // not in the catalog: no schedule
        double price = shortRequest.costUsd() + 1_000 * longRequest.costUsd(); // one number that moves when either does
        if (previous != null && Math.abs(price - previous) > 1e-9 * Math.abs(previous)) changes.add(x[0] + "/" + x[1] + " on " + start.plusDays(t));
        previous = price;
      }
    }
    System.out.printf(Locale.ROOT, "window %s .. %s; catalog price changes of generated models inside it: %s%n",
        start, start.plusDays(days - 1), changes.isEmpty() ? "none" : String.join(", ", changes));
  }

  private void backtest(Forecaster forecaster, List<String> kinds, String scope, Map<LocalDate, Double> byDay, Map<String, Score> scores) {
    for (int h : horizons) {
      for (int origin = minHistory; origin + h <= days; origin += originStep) {
        LocalDate from = start.plusDays(origin);
        DailySeries history = DailySeries.upTo(byDay, from, Forecaster.MAX_HISTORY_DAYS);
        Forecast f = forecaster.forecast(scope, history, new int[] {h}, 0L).get(0);
        double actual = 0;
        for (int t = 0; t < h; t++) actual += byDay.getOrDefault(from.plusDays(t), 0.0);
        if (f.isOk() && actual > 0) {
          for (String kind : kinds) scores.computeIfAbsent(kind + "|" + h, k -> new Score()).add(f, actual);
          if (misses && scope.equals(ForecastScopes.ALL) && (actual < f.lower95Usd || actual > f.upper95Usd)) {
            System.out.printf(Locale.ROOT, "miss seed %d origin day %d %dd: %s scale %.2f back-test %dd x %d folds (mape %.1f%%): expected %.0f [%.0f, %.0f], actual %.0f (%+.1f%%)%n",
                currentSeed, origin, h, f.forecastModel, f.intervalScale, f.backtestHorizonDays, f.backtestFolds, 100 * f.backtestMape,
                f.expectedTotalUsd, f.lower95Usd, f.upper95Usd, actual, 100 * (actual / f.expectedTotalUsd - 1));
          }
        }
      }
    }
  }

  private void print(Map<String, Score> scores, double seconds) {
    System.out.printf(Locale.ROOT, "forecast back-test: seeds %d-%d x %d days, origins every %d days from day %d, %,d events/day; models %s, calibration %s%n",
        firstSeed, firstSeed + seeds - 1, days, originStep, minHistory, eventsPerDay, models,
        noCalibration ? "off" : "on" + (noEarlierCalibrationFolds ? ", selection folds only" : "") + (noCalibrationGrowth ? ", no horizon growth" : ""));
    System.out.printf(Locale.ROOT, "%-34s %7s %6s %8s %8s %8s %10s %6s  %s%n", "data", "horizon", "n", "MAPE", "cov80", "cov95", "width95", "scale", "models chosen");
    List<String> keys = new ArrayList<>(scores.keySet());
    keys.sort((a, b) -> {
      String[] x = a.split("\\|");
      String[] y = b.split("\\|");
      int c = x[0].compareTo(y[0]);
      return c != 0 ? c : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    });
    for (String k : keys) {
      Score s = scores.get(k);
      String[] parts = k.split("\\|");
      System.out.printf(Locale.ROOT, "%-34s %6sd %6d %7.2f%% %7.1f%% %7.1f%% %9.1f%% %6.2f  %s%n",
          parts[0], parts[1], s.n, 100 * s.sumApe / s.n, 100.0 * s.in80 / s.n, 100.0 * s.in95 / s.n, 100 * s.sumWidth95 / s.n, s.sumScale / s.n, s.models);
    }
    System.out.printf(Locale.ROOT, "(MAPE of the horizon total; cov = share of actual totals inside the interval; width95 = interval width / expected; scale = mean back-test interval calibration factor; %.1f s)%n", seconds);
  }
}
