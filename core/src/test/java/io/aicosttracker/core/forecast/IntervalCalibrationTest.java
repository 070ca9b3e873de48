package io.aicosttracker.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Back-test calibration of interval widths. */
class IntervalCalibrationTest {
  private static final LocalDate START = LocalDate.parse("2026-06-01");

  private static Backtest.Result result(Backtest.Fold... folds) {
    return new Backtest.Result("m", 30, List.of(folds), 0.1);
  }

  @Test
  void scaleIsTheRootMeanSquareOfStandardisedErrorsAndNeverBelowOne() {
    // 95 % half-width 19.6 => se 10; errors of 20 and 30 are z = 2 and 3
    double hw = 1.959963984540054 * 10;
    Backtest.Result wide = result(
        new Backtest.Fold(100, 30, 1000, 1020, 1000 - hw, 1000 + hw),
        new Backtest.Fold(93, 30, 1000, 970, 1000 - hw, 1000 + hw));
    assertThat(IntervalCalibration.scale(wide)).isCloseTo(Math.sqrt((4 + 9) / 2.0), within(1e-9));

    Backtest.Result tight = result(new Backtest.Fold(100, 30, 1000, 1001, 1000 - hw, 1000 + hw));
    assertThat(IntervalCalibration.scale(tight)).isEqualTo(1.0);
    assertThat(IntervalCalibration.scale(new Backtest.Result("m", 0, List.of(), Double.NaN))).isEqualTo(1.0);
  }

  @Test
  void everyCalibrationFoldEndsBeforeTheForecastOrigin() {
    double[] y = io.aicosttracker.core.generate.SyntheticDailyCosts.typical().generate(3, 150, 150, 0);
    for (ForecastModel m : Forecaster.standard().candidates()) {
      Backtest.Result r = Backtest.run(m, y, 0, 90, Forecaster.MIN_HISTORY_DAYS);
      assertThat(r.folds()).isNotEmpty().allSatisfy(f -> assertThat(f.origin() + f.horizon()).isLessThanOrEqualTo(y.length));
    }
  }

  /**
   * The calibrated forecast from an origin depends only on the days before it: a future that
   * differs wildly (spikes the model never saw, a 10x jump) changes neither the scale nor the
   * intervals, although the same data inside the history does widen them.
   */
  @Test
  void calibrationDoesNotUseDataAfterTheOrigin() {
    int n = 120;
    double[] y = io.aicosttracker.core.generate.SyntheticDailyCosts.typical().generate(5, 200, 200, 0);
    Map<LocalDate, Double> byDay = new HashMap<>();
    for (int t = 0; t < 200; t++) byDay.put(START.plusDays(t), y[t]);
    LocalDate origin = START.plusDays(n);
    int[] horizons = {30, 60, 90};
    List<Forecast> before = Forecaster.standard().forecast("all", DailySeries.upTo(byDay, origin, 365), horizons, 0L);

    for (int t = n; t < 200; t++) byDay.put(START.plusDays(t), y[t] * (t % 9 == 0 ? 40 : 10));
    List<Forecast> after = Forecaster.standard().forecast("all", DailySeries.upTo(byDay, origin, 365), horizons, 0L);

    for (int i = 0; i < horizons.length; i++) {
      assertThat(after.get(i).intervalScale).isEqualTo(before.get(i).intervalScale);
      assertThat(after.get(i).lower80Usd).isEqualTo(before.get(i).lower80Usd);
      assertThat(after.get(i).upper95Usd).isEqualTo(before.get(i).upper95Usd);
    }

    // the same disturbance moved before the origin reaches the folds and widens the interval
    Map<LocalDate, Double> disturbed = new HashMap<>();
    for (int t = 0; t < n; t++) disturbed.put(START.plusDays(t), t >= 80 ? y[t] * (t % 9 == 0 ? 40 : 10) / 10 : y[t]);
    Forecast inside = Forecaster.standard().forecast("all", DailySeries.upTo(disturbed, origin, 365), new int[] {30}, 0L).get(0);
    assertThat(inside.intervalScale).isGreaterThan(1.0);
  }
}
