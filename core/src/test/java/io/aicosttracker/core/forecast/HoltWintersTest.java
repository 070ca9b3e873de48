package io.aicosttracker.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Additive Holt-Winters on series whose future is known. */
class HoltWintersTest {
  private static final LocalDate START = LocalDate.parse("2026-06-03"); // a Wednesday
  private static final double[] WEEKLY = {12, 8, 5, 0, -6, -30, -38}; // sums to -49: not centred on purpose

  private static double truth(int t) {
    return 200 + 1.3 * t + WEEKLY[t % 7];
  }

  @Test
  void pureTrendAndWeeklySeasonIsForecastNearExactly() {
    int n = 70;
    double[] y = new double[n];
    for (int t = 0; t < n; t++) y[t] = truth(t);

    ForecastModel.Fitted fit = new HoltWinters().fit(y, START.getDayOfWeek().getValue() - 1);
    for (int h : new int[] {1, 7, 30, 90}) {
      ForecastModel.Prediction p = fit.predict(h);
      double exact = 0;
      for (int t = n; t < n + h; t++) exact += truth(t);
      assertThat(p.total()).isCloseTo(exact, within(1e-6 * exact));
      assertThat(p.path()[h - 1]).isCloseTo(truth(n + h - 1), within(1e-6));
      // no one-step error at all: the interval collapses onto the total
      assertThat(p.upper95() - p.lower95()).isLessThan(1e-6 * exact);
    }
  }

  /**
   * Trend + weekly pattern whose level drops by 40 % on day 70 (a price cut): the regressions fit
   * one line through the break and over-forecast; Holt-Winters adapts its level and trend, wins
   * the back-test and lands at most half as far from the actual 30-day total (here 5.6 % against
   * 12 %; the rest is the trend, which one-step errors re-estimate only slowly after a jump).
   */
  @Test
  void levelShiftIsTrackedAndHoltWintersWinsTheBacktest() {
    int n = 126;
    int h = 30;
    Random r = new Random(11);
    double[] all = new double[n + h];
    for (int t = 0; t < n + h; t++) all[t] = truth(t) * (t >= 70 ? 0.6 : 1.0) + 3 * r.nextGaussian();
    double[] history = java.util.Arrays.copyOf(all, n);
    double actual = 0;
    for (int t = n; t < n + h; t++) actual += all[t];

    Forecast f = Forecaster.standard().forecast("all", new DailySeries(START, history), new int[] {h}, 0L).get(0);

    double olsTotal = 0;
    for (double v : new TrendDayOfWeekRegression().fit(history, START.getDayOfWeek().getValue() - 1).meanPath(h)) olsTotal += v;
    double hwError = Math.abs(f.expectedTotalUsd - actual) / actual;
    assertThat(f.forecastModel).isEqualTo(HoltWinters.NAME);
    assertThat(hwError).isLessThan(0.08).isLessThan(Math.abs(olsTotal - actual) / actual / 2);
    assertThat(actual).isBetween(f.lower95Usd, f.upper95Usd);
  }

  @Test
  void totalVarianceFactorMatchesTheSumOfSquaredInnovationWeights() {
    // alpha only (no trend or season updates): a total of h days weighs innovation i by 1 + alpha (h - i)
    HoltWinters.State s = new HoltWinters.State(0.3, 0, 0, 0, 0, new double[7], 0, 0);
    double expected = 0;
    for (int i = 1; i <= 5; i++) expected += Math.pow(1 + 0.3 * (5 - i), 2);
    assertThat(HoltWinters.totalVarianceFactor(s, 5)).isCloseTo(expected, within(1e-12));
    assertThat(HoltWinters.totalVarianceFactor(s, 1)).isCloseTo(1, within(1e-12));
  }

  @Test
  void tooShortHistoryIsNotFitted() {
    assertThat(new HoltWinters().fit(new double[13], 0)).isNull();
  }
}
