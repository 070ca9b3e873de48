package io.aicosttracker.jobs.cli;

import io.aicosttracker.core.forecast.DailySeries;
import io.aicosttracker.core.forecast.Forecast;
import io.aicosttracker.core.forecast.Forecaster;
import io.aicosttracker.core.forecast.ForecastScopes;
import io.aicosttracker.core.generate.SyntheticDailyCosts;
import io.aicosttracker.core.generate.SyntheticUsageGenerator;
import io.aicosttracker.core.pricing.PriceCatalog;
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
import java.util.TreeMap;
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
 * share of outcomes inside the 80 % and 95 % intervals.
 */
@Command(name = "forecast", mixinStandardHelpOptions = true, description = "Back-test the forecaster on generated data; prints MAPE per horizon and interval coverage.")
public final class BenchForecastCommand implements Callable<Integer> {
  private static final LocalDate START = LocalDate.parse("2026-01-01");

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

  /** Accumulated errors of one (data kind, horizon). */
  private static final class Score {
    int n;
    double sumApe;
    int in80;
    int in95;
    double sumWidth95;
    final Map<String, Integer> models = new TreeMap<>();

    void add(Forecast f, double actual) {
      n++;
      sumApe += Math.abs(f.expectedTotalUsd - actual) / actual;
      if (actual >= f.lower80Usd && actual <= f.upper80Usd) in80++;
      if (actual >= f.lower95Usd && actual <= f.upper95Usd) in95++;
      sumWidth95 += (f.upper95Usd - f.lower95Usd) / f.expectedTotalUsd;
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
    Forecaster forecaster = Forecaster.standard();
    PriceCatalog catalog = PriceCatalog.builtIn();
    for (int seed = 1; seed <= seeds; seed++) {
      Map<String, Map<LocalDate, Double>> events = eventSeries(seed, catalog);
      for (Map.Entry<String, Map<LocalDate, Double>> e : events.entrySet()) {
        String kind = e.getKey().equals(ForecastScopes.ALL) ? "events: all usage" : "events: per project";
        backtest(forecaster, kind, e.getKey(), e.getValue(), scores);
      }
      double[] control = SyntheticDailyCosts.typical().generate(seed, days, days, START.getDayOfWeek().getValue() - 1);
      Map<LocalDate, Double> controlByDay = new HashMap<>();
      for (int t = 0; t < days; t++) controlByDay.put(START.plusDays(t), control[t]);
      backtest(forecaster, "daily series: 10% noise + spikes", "control", controlByDay, scores);
    }
    print(scores, (System.nanoTime() - started) / 1e9);
    return 0;
  }

  private Map<String, Map<LocalDate, Double>> eventSeries(long seed, PriceCatalog catalog) {
    long startMillis = START.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    SyntheticUsageGenerator gen = new SyntheticUsageGenerator(seed, startMillis, days, 0.6, catalog);
    UsagePricer pricer = new UsagePricer(catalog);
    Map<String, Map<LocalDate, Double>> byScope = new HashMap<>();
    PricedUsage p = new PricedUsage();
    gen.generate((long) eventsPerDay * days, spikes, e -> {
      p.copyFrom(e);
      pricer.priceInto(p);
      LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(e.timestamp, 86_400_000L));
      byScope.computeIfAbsent(ForecastScopes.ALL, k -> new HashMap<>()).merge(day, p.costUsd, Double::sum);
      byScope.computeIfAbsent(ForecastScopes.project(e.project), k -> new HashMap<>()).merge(day, p.costUsd, Double::sum);
    });
    return byScope;
  }

  private void backtest(Forecaster forecaster, String kind, String scope, Map<LocalDate, Double> byDay, Map<String, Score> scores) {
    for (int h : horizons) {
      for (int origin = minHistory; origin + h <= days; origin += originStep) {
        LocalDate from = START.plusDays(origin);
        DailySeries history = DailySeries.upTo(byDay, from, Forecaster.MAX_HISTORY_DAYS);
        Forecast f = forecaster.forecast(scope, history, new int[] {h}, 0L).get(0);
        double actual = 0;
        for (int t = 0; t < h; t++) actual += byDay.getOrDefault(from.plusDays(t), 0.0);
        if (f.isOk() && actual > 0) scores.computeIfAbsent(kind + "|" + h, k -> new Score()).add(f, actual);
      }
    }
  }

  private void print(Map<String, Score> scores, double seconds) {
    System.out.printf(Locale.ROOT, "forecast back-test: %d seeds x %d days, origins every %d days from day %d, %,d events/day%n",
        seeds, days, originStep, minHistory, eventsPerDay);
    System.out.printf(Locale.ROOT, "%-34s %7s %6s %8s %8s %8s %10s  %s%n", "data", "horizon", "n", "MAPE", "cov80", "cov95", "width95", "models chosen");
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
      System.out.printf(Locale.ROOT, "%-34s %6sd %6d %7.2f%% %7.1f%% %7.1f%% %9.1f%%  %s%n",
          parts[0], parts[1], s.n, 100 * s.sumApe / s.n, 100.0 * s.in80 / s.n, 100.0 * s.in95 / s.n, 100 * s.sumWidth95 / s.n, s.models);
    }
    System.out.printf(Locale.ROOT, "(MAPE of the horizon total; cov = share of actual totals inside the interval; width95 = interval width / expected; %.1f s)%n", seconds);
  }
}
