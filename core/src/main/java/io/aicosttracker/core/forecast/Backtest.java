package io.aicosttracker.core.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rolling-origin back-test: refit a model at several past origins on the days before each origin
 * only, forecast the next days' total and compare it with what happened.
 *
 * <p>Origins step back a week at a time from the latest one that leaves a full evaluation
 * horizon, and every fold trains on at least half the history (and never fewer than the minimum
 * history), so the error reflects forecasts made from a comparable amount of data.
 *
 * <p>Interval calibration gets more folds than model selection: after the selection folds, the
 * origins keep stepping back a week down to the minimum history (at most {@link #MAX_FOLDS} in
 * all). Their raw errors are not comparable with the selection folds' (less training data, larger
 * errors), which is why they do not enter the MAPE; but calibration only uses each fold's error
 * divided by the model's own standard error at that origin, which already grows as the training
 * window shrinks. With a short history the selection folds are often a single one, and the
 * variance ratio estimated from one standardised error is a chi-square with one degree of freedom
 * (its 5 % quantile is 0.004): one lucky fold then claims "the model's intervals are right".
 */
public final class Backtest {
  /** Shortest evaluation horizon worth reporting; shorter histories get no back-test. */
  public static final int MIN_HORIZON = 7;
  public static final int MAX_FOLDS = 6;
  public static final int STEP_DAYS = 7;

  /**
   * One fold: the origin (index of the first forecast day), the predicted and the actual total,
   * and the model's own (uncalibrated) 95 % interval of the total as fitted at that origin.
   */
  public record Fold(int origin, int horizon, double predicted, double actual, double lower95, double upper95) {}

  /**
   * The folds and their mean absolute percentage error (NaN when no fold had a non-zero actual).
   *
   * @param folds the selection folds (comparable training), which the MAPE is computed over
   * @param halfFolds the same origins evaluated over half the horizon, so that calibration can see
   *     how the model's errors outgrow its own intervals as the horizon lengthens
   * @param calibrationFolds the selection folds, followed by the earlier origins that only
   *     calibration uses once {@link #withCalibrationFolds} added them (see the class comment);
   *     {@code calibrationHalfFolds} likewise
   */
  public record Result(String model, int horizon, List<Fold> folds, double mape, List<Fold> halfFolds,
      List<Fold> calibrationFolds, List<Fold> calibrationHalfFolds) {
    public Result(String model, int horizon, List<Fold> folds, double mape) {
      this(model, horizon, folds, mape, List.of());
    }

    /** A result whose calibration uses the selection folds only. */
    public Result(String model, int horizon, List<Fold> folds, double mape, List<Fold> halfFolds) {
      this(model, horizon, folds, mape, halfFolds, folds, halfFolds);
    }

    /** False when the model did not apply to some fold's training data. */
    public boolean applicable() {
      return folds != null;
    }
  }

  private Backtest() {}

  /** Evaluation horizon for a forecast of {@code horizon} days from {@code n} days of history (0 = none). */
  public static int evaluationHorizon(int n, int horizon, int minHistory) {
    // the longest evaluation the history allows, even if that leaves one fold: shortening it to get
    // more folds was tried and made the 60/90-day intervals narrower and worse (docs/forecasts.md)
    int b = Math.min(horizon, n - minTraining(n, minHistory));
    return b >= MIN_HORIZON ? b : 0;
  }

  static int minTraining(int n, int minHistory) {
    return Math.max(minHistory, (n + 1) / 2);
  }

  /** Fold origins, latest first. */
  public static int[] origins(int n, int horizon, int minHistory) {
    int b = evaluationHorizon(n, horizon, minHistory);
    if (b == 0) return new int[0];
    int min = minTraining(n, minHistory);
    List<Integer> o = new ArrayList<>();
    for (int origin = n - b; origin >= min && o.size() < MAX_FOLDS; origin -= STEP_DAYS) o.add(origin);
    return o.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The origins, latest first, that only calibration uses: a week apart, continuing below the
   * selection folds' minimum training down to {@code minHistory} days, until there are
   * {@link #MAX_FOLDS} folds in all.
   */
  public static int[] calibrationOrigins(int n, int horizon, int minHistory) {
    int[] selection = origins(n, horizon, minHistory);
    if (selection.length == 0) return new int[0];
    List<Integer> o = new ArrayList<>();
    for (int origin = selection[selection.length - 1] - STEP_DAYS; origin >= minHistory && selection.length + o.size() < MAX_FOLDS; origin -= STEP_DAYS) o.add(origin);
    return o.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Back-tests {@code model} on {@code y}. Each fold fits on {@code y[0, origin)} only: nothing
   * at or after a fold's origin reaches its forecast.
   */
  public static Result run(ForecastModel model, double[] y, int firstDayOfWeek, int horizon, int minHistory) {
    int b = evaluationHorizon(y.length, horizon, minHistory);
    List<Fold> folds = new ArrayList<>();
    List<Fold> halfFolds = new ArrayList<>();
    double sumApe = 0;
    int counted = 0;
    for (int origin : origins(y.length, horizon, minHistory)) {
      ForecastModel.Fitted fitted = model.fit(Arrays.copyOfRange(y, 0, origin), firstDayOfWeek);
      if (fitted == null) return new Result(model.name(), b, null, Double.NaN);
      Fold fold = fold(fitted, y, origin, b);
      folds.add(fold);
      // only a forecast longer than the back-test needs the growth of its errors (calibration)
      if (b < horizon) halfFolds.add(fold(fitted, y, origin, b / 2));
      double predicted = fold.predicted();
      double actual = fold.actual();
      if (actual > 0) {
        sumApe += Math.abs(predicted - actual) / actual;
        counted++;
      }
    }
    return new Result(model.name(), b, folds, counted == 0 ? Double.NaN : sumApe / counted, halfFolds);
  }

  /**
   * {@code selection}, the back-test of {@code model} by {@link #run}, with the earlier origins
   * that only calibration uses ({@link #calibrationOrigins}) added to its calibration folds.
   * Only the chosen model needs them, so they are fitted after model selection, not for every
   * candidate. Each fold fits on {@code y[0, origin)} only.
   */
  public static Result withCalibrationFolds(Result selection, ForecastModel model, double[] y, int firstDayOfWeek, int horizon, int minHistory) {
    if (!selection.applicable()) return selection;
    int b = selection.horizon();
    List<Fold> calibrationFolds = new ArrayList<>(selection.folds());
    List<Fold> calibrationHalfFolds = new ArrayList<>(selection.halfFolds());
    for (int origin : calibrationOrigins(y.length, horizon, minHistory)) {
      ForecastModel.Fitted fitted = model.fit(Arrays.copyOfRange(y, 0, origin), firstDayOfWeek);
      if (fitted == null) break; // e.g. a zero-cost day early on rules out the log model there: keep what we have
      calibrationFolds.add(fold(fitted, y, origin, b));
      if (b < horizon) calibrationHalfFolds.add(fold(fitted, y, origin, b / 2));
    }
    return new Result(selection.model(), b, selection.folds(), selection.mape(), selection.halfFolds(),
        calibrationFolds, calibrationHalfFolds);
  }

  private static Fold fold(ForecastModel.Fitted fitted, double[] y, int origin, int horizon) {
    ForecastModel.Prediction p = fitted.predict(horizon);
    double predicted = 0;
    for (double v : p.path()) predicted += Math.max(0, v);
    double actual = 0;
    for (int t = origin; t < origin + horizon; t++) actual += y[t];
    // the interval keeps its distances from the model's unclamped total, as in the forecast itself
    return new Fold(origin, horizon, predicted, actual, predicted - (p.total() - p.lower95()), predicted + (p.upper95() - p.total()));
  }
}
