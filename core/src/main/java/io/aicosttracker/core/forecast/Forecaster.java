package io.aicosttracker.core.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * Forecasts a scope's daily cost for several horizons: for each horizon, back-tests every
 * candidate model (rolling origin), keeps the one with the lowest error, fits it on the whole
 * history and returns the expected total, the daily path and 80 %/95 % prediction intervals,
 * widened by {@link IntervalCalibration} when the model's back-test errors exceed its intervals.
 *
 * <p>With less than {@link #MIN_HISTORY_DAYS} days of history the result is
 * {@link Forecast#INSUFFICIENT_HISTORY} rather than a number. Costs are never negative, so the
 * daily path is clamped at zero and the interval is kept around the clamped total.
 */
public final class Forecaster {
  public static final int MIN_HISTORY_DAYS = 14;
  /** History beyond this many days is not used (and not kept in streaming state). */
  public static final int MAX_HISTORY_DAYS = 365;
  public static final int[] DEFAULT_HORIZONS = {30, 60, 90};

  private final List<ForecastModel> candidates;
  private final boolean calibrate;
  private final boolean calibrationGrowth;
  private final boolean earlierCalibrationFolds;

  /** A forecaster over {@code candidates} whose intervals are calibrated on the back-test. */
  public Forecaster(List<ForecastModel> candidates) {
    this(candidates, true);
  }

  /** @param calibrate false keeps each model's own intervals (for comparisons in benchmarks) */
  public Forecaster(List<ForecastModel> candidates, boolean calibrate) {
    this(candidates, calibrate, true);
  }

  /**
   * @param calibrationGrowth false carries the back-test's scale to longer horizons unchanged
   *     instead of growing it ({@link IntervalCalibration#scale(Backtest.Result, int)}), for comparisons
   */
  public Forecaster(List<ForecastModel> candidates, boolean calibrate, boolean calibrationGrowth) {
    this(candidates, calibrate, calibrationGrowth, true);
  }

  /**
   * @param earlierCalibrationFolds false calibrates on the selection folds only instead of adding
   *     the earlier origins ({@link Backtest.Result#calibrationFolds()}), for comparisons
   */
  public Forecaster(List<ForecastModel> candidates, boolean calibrate, boolean calibrationGrowth, boolean earlierCalibrationFolds) {
    if (candidates.isEmpty()) throw new IllegalArgumentException("at least one forecast model is needed");
    this.candidates = List.copyOf(candidates);
    this.calibrate = calibrate;
    this.calibrationGrowth = calibrationGrowth;
    this.earlierCalibrationFolds = earlierCalibrationFolds;
  }

  /**
   * The linear trend + day-of-week regression first (the fallback), its log-scale variant, then
   * additive Holt-Winters with a weekly season.
   */
  public static Forecaster standard() {
    return new Forecaster(List.of(new TrendDayOfWeekRegression(), new LogTrendDayOfWeekRegression(), new HoltWinters()));
  }

  /** The candidate models, in preference order for ties. */
  public List<ForecastModel> candidates() {
    return candidates;
  }

  /**
   * Forecasts {@code series} (which ends the day before the forecast origin) for each horizon.
   *
   * @param generatedAt epoch millis stamped on the results
   */
  public List<Forecast> forecast(String scope, DailySeries series, int[] horizons, long generatedAt) {
    List<Forecast> out = new ArrayList<>(horizons.length);
    double[] y = series.values();
    for (int h : horizons) {
      if (h < 1) throw new IllegalArgumentException("horizon must be >= 1 day, got " + h);
      Forecast f = new Forecast();
      f.scope = scope;
      f.originDate = series.end().toString();
      f.historyDays = y.length;
      f.horizonDays = h;
      f.generatedAt = generatedAt;
      if (y.length < MIN_HISTORY_DAYS) {
        f.status = Forecast.INSUFFICIENT_HISTORY;
      } else {
        forecastHorizon(f, y, series.firstDayOfWeek(), h);
      }
      out.add(f);
    }
    return out;
  }

  private void forecastHorizon(Forecast f, double[] y, int firstDow, int h) {
    ForecastModel chosen = null;
    ForecastModel.Fitted chosenFit = null;
    Backtest.Result chosenResult = null;
    for (ForecastModel m : candidates) {
      ForecastModel.Fitted fitted = m.fit(y, firstDow);
      if (fitted == null) continue;
      Backtest.Result r = Backtest.run(m, y, firstDow, h, MIN_HISTORY_DAYS);
      if (!r.applicable()) continue;
      // a model without a back-test score only wins when nothing has one (the first candidate)
      boolean better = chosen == null || (!Double.isNaN(r.mape()) && (Double.isNaN(chosenResult.mape()) || r.mape() < chosenResult.mape()));
      if (better) {
        chosen = m;
        chosenFit = fitted;
        chosenResult = r;
      }
    }
    if (chosen == null) throw new IllegalStateException("no forecast model applies to " + f.scope);
    ForecastModel.Prediction p = chosenFit.predict(h);
    double[] path = new double[h];
    double total = 0;
    for (int i = 0; i < h; i++) total += path[i] = Math.max(0, p.path()[i]);
    Backtest.Result calibration = calibrate && earlierCalibrationFolds
        ? Backtest.withCalibrationFolds(chosenResult, chosen, y, firstDow, h, MIN_HISTORY_DAYS)
        : chosenResult;
    double k = calibrate ? (calibrationGrowth ? IntervalCalibration.scale(calibration, h) : IntervalCalibration.scale(calibration)) : 1;
    // the interval keeps its (scaled) distances from the model's unclamped total around the clamped one
    f.status = Forecast.OK;
    f.forecastModel = chosen.name();
    f.dailyPathUsd = path;
    f.expectedTotalUsd = total;
    f.intervalScale = k;
    f.lower80Usd = Math.max(0, Math.min(total - k * (p.total() - p.lower80()), total));
    f.upper80Usd = Math.max(total + k * (p.upper80() - p.total()), total);
    f.lower95Usd = Math.max(0, Math.min(total - k * (p.total() - p.lower95()), f.lower80Usd));
    f.upper95Usd = Math.max(total + k * (p.upper95() - p.total()), f.upper80Usd);
    f.backtestMape = chosenResult.mape();
    f.backtestHorizonDays = chosenResult.horizon();
    f.backtestFolds = chosenResult.folds().size();
  }
}
