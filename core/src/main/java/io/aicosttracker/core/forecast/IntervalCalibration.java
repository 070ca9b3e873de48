package io.aicosttracker.core.forecast;

/**
 * Widens a model's prediction intervals so that they fit its own out-of-sample errors.
 *
 * <p>A model's interval assumes the model is right; cost series break those assumptions (price
 * changes, heavy-tailed days), and then the interval is too narrow. Each rolling-origin fold
 * gives a forecast of a horizon total made only from the days before its origin, the model's
 * 95 % interval for it, and the actual total. The standardised error of a fold is
 * {@code z = (actual - predicted) / (d / 1.96)}, {@code d} the interval's distance from the
 * prediction on the side of the actual. If the intervals were right, {@code z} would have unit
 * variance, so the scale is {@code sqrt(mean z^2)}: multiplying every interval's distances by it
 * makes the folds' errors fit the nominal spread (80 % and 95 % alike). The scale is never below
 * 1: with a handful of overlapping folds a small mean {@code z^2} is more likely luck than an
 * over-cautious model, and narrowing would give the errors that looked good the last word.
 *
 * <p>The folds are {@link Backtest.Result#calibrationFolds()}: the selection folds plus earlier
 * origins down to the minimum history, up to six in all. {@code z} is already normalised by the
 * model's own standard error at each fold's origin, so a fold trained on fewer days is as valid a
 * sample of {@code z} as any other, and {@code mean z^2} over six folds is a far less noisy
 * estimate than the single fold a 60-90-day history leaves at the longest evaluation horizon.
 *
 * <p>Only folds enter, and every fold lies before the forecast origin (its training days and its
 * evaluated days alike), so calibration never sees data from after the origin.
 */
public final class IntervalCalibration {
  /** Upper bound on the scale: beyond this the model's interval carries no information. */
  public static final double MAX_SCALE = 10;
  private static final double Z975 = 1.959963984540054;

  private IntervalCalibration() {}

  /** Largest exponent of the horizon growth of the scale (see {@link #scale(Backtest.Result, int)}). */
  public static final double MAX_GROWTH_EXPONENT = 0.5;

  /** The scale for the intervals of a model back-tested as {@code result}; 1 without folds. */
  public static double scale(Backtest.Result result) {
    if (result == null || !result.applicable() || result.folds().isEmpty()) return 1;
    return scale(result.calibrationFolds());
  }

  /**
   * The scale for a forecast of {@code horizon} days. When the back-test could only evaluate a
   * shorter horizon {@code b} (short histories), the errors of a misspecified model (a straight
   * trend on a curving series, a drifting level) outgrow the model's own interval as the horizon
   * lengthens, so the scale measured at {@code b} is too small at {@code horizon}. The same folds
   * evaluated at {@code b/2} show how fast it grows: {@code k(horizon) = k(b) (horizon/b)^g} with
   * {@code g = log2(k(b) / k(b/2))} clamped to [0, {@link #MAX_GROWTH_EXPONENT}] (never shrinking
   * with the horizon, and at most the square-root growth of a random-walk error).
   */
  public static double scale(Backtest.Result result, int horizon) {
    double k = scale(result);
    if (k == 1 && (result == null || !result.applicable() || result.folds().isEmpty())) return 1;
    int b = result.horizon();
    if (horizon <= b || result.calibrationHalfFolds().isEmpty() || b / 2 < Backtest.MIN_HORIZON / 2) return k;
    double kHalf = scale(result.calibrationHalfFolds());
    double g = Math.max(0, Math.min(MAX_GROWTH_EXPONENT, Math.log(k / kHalf) / Math.log(2)));
    return Math.min(MAX_SCALE, k * Math.pow((double) horizon / b, g));
  }

  private static double scale(java.util.List<Backtest.Fold> folds) {
    double sumZ2 = 0;
    int n = 0;
    for (Backtest.Fold f : folds) {
      double err = f.actual() - f.predicted();
      double d = err >= 0 ? f.upper95() - f.predicted() : f.predicted() - f.lower95();
      double se = d / Z975;
      double z;
      if (Math.abs(err) <= 1e-9 * (1 + Math.abs(f.actual()))) {
        z = 0;
      } else if (!(se > 0)) {
        z = MAX_SCALE; // an error the model thought impossible
      } else {
        z = Math.min(MAX_SCALE, Math.abs(err) / se);
      }
      sumZ2 += z * z;
      n++;
    }
    return Math.max(1, Math.min(MAX_SCALE, Math.sqrt(sumZ2 / n)));
  }
}
