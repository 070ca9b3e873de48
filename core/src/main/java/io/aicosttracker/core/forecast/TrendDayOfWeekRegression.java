package io.aicosttracker.core.forecast;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Daily cost = intercept + trend x day + day-of-week effect + AR(1) noise, by ordinary least
 * squares (commons-math3 {@code OLSMultipleLinearRegression}), with analytic prediction
 * intervals for horizon totals (Student t with n - 8 degrees of freedom).
 */
public final class TrendDayOfWeekRegression implements ForecastModel {
  public static final String NAME = "ols_trend_dow";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Fitted fit(double[] history, int firstDayOfWeek) {
    TrendDayOfWeekFit fit = TrendDayOfWeekFit.fit(history, firstDayOfWeek);
    return new Fitted() {
      @Override
      public double[] meanPath(int days) {
        double[] path = new double[days];
        for (int i = 0; i < days; i++) path[i] = fit.mean(fit.n + i);
        return path;
      }

      @Override
      public Prediction predict(int days) {
        double[] path = meanPath(days);
        double total = 0;
        for (double v : path) total += v;
        double se = Math.sqrt(fit.residualVariance * fit.totalErrorVarianceFactor(days));
        TDistribution t = new TDistribution(null, fit.degreesOfFreedom);
        double q80 = t.inverseCumulativeProbability(0.90);
        double q95 = t.inverseCumulativeProbability(0.975);
        return new Prediction(path, total, total - q80 * se, total + q80 * se, total - q95 * se, total + q95 * se);
      }
    };
  }
}
