package io.aicosttracker.core.forecast;

import java.util.Arrays;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * The trend and day-of-week regression on log cost: growth in percent per day and a weekday
 * pattern that scales with the level, as usage-driven cost series usually behave.
 *
 * <p>Only for series without zero-cost days. The expected path is the log-normal mean
 * {@code exp(x'b + s^2/2)}. Intervals of a total (a sum of log-normals has no closed form) come
 * from simulating the posterior predictive distribution under a flat prior: residual variance
 * drawn as {@code s^2 (n-p) / chi2(n-p)}, coefficients from their normal law (inflated for AR(1)
 * residuals as in the linear model), then an AR(1) error path; a fixed seed keeps results
 * reproducible.
 */
public final class LogTrendDayOfWeekRegression implements ForecastModel {
  public static final String NAME = "log_ols_trend_dow";
  private static final int DRAWS = 2000;
  private static final long SEED = 20_260_901L;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Fitted fit(double[] history, int firstDayOfWeek) {
    double[] logY = new double[history.length];
    for (int t = 0; t < history.length; t++) {
      if (!(history[t] > 0)) return null;
      logY[t] = Math.log(history[t]);
    }
    TrendDayOfWeekFit fit = TrendDayOfWeekFit.fit(logY, firstDayOfWeek);
    return new Fitted() {
      @Override
      public double[] meanPath(int days) {
        double[] path = new double[days];
        for (int i = 0; i < days; i++) path[i] = Math.exp(fit.mean(fit.n + i) + fit.residualVariance / 2);
        return path;
      }

      @Override
      public Prediction predict(int days) {
        double[] path = meanPath(days);
        double total = 0;
        for (double v : path) total += v;
        double[] sums = simulateTotals(fit, days);
        return new Prediction(path, total, quantile(sums, 0.10), quantile(sums, 0.90), quantile(sums, 0.025), quantile(sums, 0.975));
      }
    };
  }

  private static double[] simulateTotals(TrendDayOfWeekFit fit, int days) {
    int p = TrendDayOfWeekFit.PARAMETERS;
    RandomGenerator rng = new Well19937c(SEED);
    ChiSquaredDistribution chi2 = new ChiSquaredDistribution(rng, fit.degreesOfFreedom);
    RealMatrix chol = choleskyLower(fit.xtxInverse);
    double[][] rows = new double[days][];
    for (int i = 0; i < days; i++) rows[i] = fit.row(fit.n + i);
    double paramScale = Math.sqrt(TrendDayOfWeekFit.longRunFactor(fit.rho));
    double innovation = Math.sqrt(1 - fit.rho * fit.rho);
    double[] sums = new double[DRAWS];
    double[] z = new double[p];
    double[] b = new double[p];
    for (int d = 0; d < DRAWS; d++) {
      double sigma = Math.sqrt(fit.residualVariance * fit.degreesOfFreedom / chi2.sample());
      for (int i = 0; i < p; i++) z[i] = rng.nextGaussian();
      for (int i = 0; i < p; i++) {
        double s = 0;
        for (int j = 0; j <= i; j++) s += chol.getEntry(i, j) * z[j];
        b[i] = fit.beta[i] + sigma * paramScale * s;
      }
      double e = sigma * rng.nextGaussian();
      double sum = 0;
      for (int i = 0; i < days; i++) {
        if (i > 0) e = fit.rho * e + sigma * innovation * rng.nextGaussian();
        double m = 0;
        for (int k = 0; k < p; k++) m += rows[i][k] * b[k];
        sum += Math.exp(m + e);
      }
      sums[d] = sum;
    }
    Arrays.sort(sums);
    return sums;
  }

  private static RealMatrix choleskyLower(RealMatrix m) {
    return new CholeskyDecomposition(m, 1e-6, 1e-14).getL();
  }

  /** Quantile of sorted values, linear interpolation between order statistics. */
  static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }
}
