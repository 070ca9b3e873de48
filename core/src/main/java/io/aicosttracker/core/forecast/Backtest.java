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
   * @param halfFolds the same origins evaluated over half the horizon, so that calibration can see
   *     how the model's errors outgrow its own intervals as the horizon lengthens
   */
  public record Result(String model, int horizon, List<Fold> folds, double mape, List<Fold> halfFolds) {
    public Result(String model, int horizon, List<Fold> folds, double mape) {
      this(model, horizon, folds, mape, List.of());
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
