package io.aicosttracker.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Forecasts of series whose future is known. */
class ForecasterTest {
  private static final LocalDate START = LocalDate.parse("2026-01-05"); // a Monday
  private static final int[] HORIZONS = {30, 60, 90};

  @Test
  void pureLinearTrendIsForecastExactly() {
    int n = 60;
    double[] y = new double[n];
    for (int t = 0; t < n; t++) y[t] = 10 + 0.5 * t;

    List<Forecast> fs = Forecaster.standard().forecast("all", new DailySeries(START, y), HORIZONS, 0L);

    for (Forecast f : fs) {
      int h = f.horizonDays;
      double exact = 0;
      for (int t = n; t < n + h; t++) exact += 10 + 0.5 * t;
      assertThat(f.status).isEqualTo(Forecast.OK);
      assertThat(f.forecastModel).isEqualTo(TrendDayOfWeekRegression.NAME);
      assertThat(f.expectedTotalUsd).isCloseTo(exact, within(1e-6 * exact));
      assertThat(f.dailyPathUsd[h - 1]).isCloseTo(10 + 0.5 * (n + h - 1), within(1e-6));
      // no noise, no parameter uncertainty: the intervals collapse onto the exact total
      assertThat(f.upper95Usd - f.lower95Usd).isLessThan(1e-6 * exact);
      assertThat(f.backtestMape).isCloseTo(0, within(1e-9));
      assertThat(f.originDate).isEqualTo(START.plusDays(n).toString());
    }
  }

  @Test
  void exponentialGrowthIsForecastByTheLogModel() {
    int n = 90;
    double[] y = new double[n];
    for (int t = 0; t < n; t++) y[t] = 50 * Math.exp(0.01 * t) * (t % 7 >= 5 ? 0.5 : 1.0);

    Forecast f = Forecaster.standard().forecast("all", new DailySeries(START, y), new int[] {30}, 0L).get(0);

    double exact = 0;
    for (int t = n; t < n + 30; t++) exact += 50 * Math.exp(0.01 * t) * (t % 7 >= 5 ? 0.5 : 1.0);
    assertThat(f.forecastModel).isEqualTo(LogTrendDayOfWeekRegression.NAME);
    assertThat(f.expectedTotalUsd).isCloseTo(exact, within(1e-6 * exact));
  }

  /**
   * Trend + weekly pattern + Gaussian noise, forecast 30 days ahead from 56 days, over 400 seeds:
   * the actual 30-day total must fall inside the 95 % interval at the nominal rate.
   *
   * <p>Tolerance: if the intervals are right, the number of hits is Binomial(400, 0.95): mean 380,
   * standard deviation sqrt(400 * 0.95 * 0.05) = 4.36. Accepting 380 +/- 3.29 sd, i.e. 366..394
   * hits (91.5 %..98.5 %), fails a correct method with probability 0.1 %, while the usual
   * mistakes fall far outside: on these seeds, summing the per-day prediction variances (treating
   * daily errors as independent) covered 268/400 (67 %) and ignoring parameter uncertainty 248/400
   * (62 %); this forecaster covered 382/400 (95.5 %) at 95 % and 309/400 at 80 %. The seeds are
   * fixed, so the test is deterministic.
   */
  @Test
  void trendWeeklyAndNoiseLandInside95PercentIntervalAtTheExpectedRate() {
    int seeds = 400;
    int n = 56;
    int h = 30;
    double p = 0.95;
    int hits80 = 0;
    int hits95 = 0;
    Forecaster forecaster = Forecaster.standard();
    for (int seed = 0; seed < seeds; seed++) {
      Random r = new Random(seed);
      double[] all = new double[n + h];
      for (int t = 0; t < n + h; t++) {
        double weekly = switch (t % 7) {
          case 5 -> -30;
          case 6 -> -40;
          case 0 -> 5;
          default -> 0;
        };
        all[t] = 100 + 0.8 * t + weekly + 12 * r.nextGaussian();
      }
      double[] history = java.util.Arrays.copyOf(all, n);
      double actual = 0;
      for (int t = n; t < n + h; t++) actual += all[t];
      Forecast f = forecaster.forecast("all", new DailySeries(START, history), new int[] {h}, 0L).get(0);
      if (actual >= f.lower95Usd && actual <= f.upper95Usd) hits95++;
      if (actual >= f.lower80Usd && actual <= f.upper80Usd) hits80++;
    }
    double sd = Math.sqrt(seeds * p * (1 - p));
    assertThat((double) hits95).isBetween(seeds * p - 3.29 * sd, seeds * p + 3.29 * sd);
    // 80 %: Binomial(400, 0.8) sd = 8, same 3.29 sd band
    double sd80 = Math.sqrt(seeds * 0.8 * 0.2);
    assertThat((double) hits80).isBetween(seeds * 0.8 - 3.29 * sd80, seeds * 0.8 + 3.29 * sd80);
  }

  @Test
  void thirteenDaysGiveInsufficientHistoryAndFourteenAForecast() {
    double[] y13 = new double[13];
    java.util.Arrays.fill(y13, 5.0);
    List<Forecast> fs = Forecaster.standard().forecast("project:search", new DailySeries(START, y13), HORIZONS, 0L);
    assertThat(fs).hasSize(3).allSatisfy(f -> {
      assertThat(f.status).isEqualTo(Forecast.INSUFFICIENT_HISTORY);
      assertThat(f.forecastModel).isNull();
      assertThat(f.expectedTotalUsd).isNaN();
      assertThat(f.upper95Usd).isNaN();
      assertThat(f.historyDays).isEqualTo(13);
    });

    double[] y14 = new double[14];
    java.util.Arrays.fill(y14, 5.0);
    Forecast f = Forecaster.standard().forecast("project:search", new DailySeries(START, y14), new int[] {30}, 0L).get(0);
    assertThat(f.status).isEqualTo(Forecast.OK);
    assertThat(f.expectedTotalUsd).isCloseTo(150, within(1e-6));
    assertThat(f.backtestMape).isNaN(); // 14 days leave nothing to back-test on
  }

  @Test
  void gapsCountAsZeroCostAndRuleOutTheLogModel() {
    Map<LocalDate, Double> byDay = new HashMap<>();
    for (int t = 0; t < 40; t++) {
      if (t % 10 != 3) byDay.put(START.plusDays(t), 20.0 + t);
    }
    DailySeries s = DailySeries.upTo(byDay, START.plusDays(45), 365);
    assertThat(s.length()).isEqualTo(45);
    assertThat(s.values()[3]).isZero();
    assertThat(s.values()[44]).isZero(); // days after the last usage up to the origin are zeros too

    Forecast f = Forecaster.standard().forecast("all", s, new int[] {30}, 0L).get(0);
    assertThat(f.forecastModel).isEqualTo(TrendDayOfWeekRegression.NAME);
  }

  @Test
  void dataAfterTheOriginDoesNotChangeTheForecastOrItsBacktest() {
    Map<LocalDate, Double> byDay = new HashMap<>();
    double[] y = new SyntheticDailyCostsForTest().series(120);
    for (int t = 0; t < 120; t++) byDay.put(START.plusDays(t), y[t]);
    LocalDate origin = START.plusDays(90);
    Forecast before = Forecaster.standard().forecast("all", DailySeries.upTo(byDay, origin, 365), HORIZONS, 0L).get(0);

    // the future changes completely: a 10x jump from the origin on
    for (int t = 90; t < 120; t++) byDay.put(START.plusDays(t), y[t] * 10);
    Forecast after = Forecaster.standard().forecast("all", DailySeries.upTo(byDay, origin, 365), HORIZONS, 0L).get(0);

    assertThat(after.backtestMape).isEqualTo(before.backtestMape);
    assertThat(after.expectedTotalUsd).isEqualTo(before.expectedTotalUsd);
    assertThat(after.upper95Usd).isEqualTo(before.upper95Usd);
  }

  @Test
  void eachBacktestFoldIgnoresDataFromItsOriginOn() {
    double[] y = new SyntheticDailyCostsForTest().series(150);
    for (ForecastModel m : Forecaster.standard().candidates()) {
      Backtest.Result base = Backtest.run(m, y, 0, 30, Forecaster.MIN_HISTORY_DAYS);
      assertThat(base.folds()).hasSize(Backtest.MAX_FOLDS);
      for (Backtest.Fold fold : base.folds()) {
        // change everything from this fold's origin on: its prediction must not move
        double[] changed = y.clone();
        for (int t = fold.origin(); t < changed.length; t++) changed[t] = changed[t] * 3 + 7;
        Backtest.Fold same =
            Backtest.run(m, changed, 0, 30, Forecaster.MIN_HISTORY_DAYS).folds().stream()
                .filter(x -> x.origin() == fold.origin())
                .findFirst()
                .orElseThrow();
        assertThat(same.predicted()).isEqualTo(fold.predicted());
        assertThat(same.actual()).isNotEqualTo(fold.actual());
      }
    }
  }

  /** A noisy growing weekly series, fixed seed. */
  private static final class SyntheticDailyCostsForTest {
    double[] series(int days) {
      return io.aicosttracker.core.generate.SyntheticDailyCosts.typical().generate(7, days, days, 0);
    }
  }
}
