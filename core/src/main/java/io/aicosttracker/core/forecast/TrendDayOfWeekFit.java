package io.aicosttracker.core.forecast;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * Ordinary least squares of a daily series on an intercept, a linear trend and six day-of-week
 * dummies (Monday is the baseline), with what the prediction intervals need: the coefficient
 * covariance {@code (X'X)^-1}, the residual variance and the residuals' lag-1 autocorrelation.
 */
final class TrendDayOfWeekFit {
  /** Intercept, trend, six dummies. */
  static final int PARAMETERS = 8;
  /** Residual autocorrelation is capped here: beyond it a trend model is the wrong model anyway. */
  static final double MAX_RHO = 0.9;

  final int n;
  final int firstDayOfWeek;
  final double[] beta;
  /** (X'X)^-1, not scaled by the residual variance. */
  final RealMatrix xtxInverse;
  final double residualVariance;
  final int degreesOfFreedom;
  final double rho;

  private TrendDayOfWeekFit(int n, int firstDayOfWeek, double[] beta, RealMatrix xtxInverse, double residualVariance, double rho) {
    this.n = n;
    this.firstDayOfWeek = firstDayOfWeek;
    this.beta = beta;
    this.xtxInverse = xtxInverse;
    this.residualVariance = residualVariance;
    this.degreesOfFreedom = n - PARAMETERS;
    this.rho = rho;
  }

  static TrendDayOfWeekFit fit(double[] y, int firstDayOfWeek) {
    int n = y.length;
    if (n <= PARAMETERS + 1) throw new IllegalArgumentException("need more than " + (PARAMETERS + 1) + " days, got " + n);
    double[][] x = new double[n][];
    for (int t = 0; t < n; t++) x[t] = regressors(t, firstDayOfWeek);
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    ols.newSampleData(y, x);
    double[] beta = ols.estimateRegressionParameters();
    double[] residuals = ols.estimateResiduals();
    RealMatrix v = new Array2DRowRealMatrix(ols.estimateRegressionParametersVariance(), false);
    double s2 = Math.max(0, ols.estimateErrorVariance());
    return new TrendDayOfWeekFit(n, firstDayOfWeek, beta, v, s2, lagOneAutocorrelation(residuals));
  }

  /** The design row of day {@code t} without the intercept (the regression adds it). */
  static double[] regressors(int t, int firstDayOfWeek) {
    double[] r = new double[PARAMETERS - 1];
    r[0] = t / 7.0; // weeks: keeps X'X well conditioned next to the 0/1 dummies
    int dow = Math.floorMod(firstDayOfWeek + t, 7);
    if (dow > 0) r[dow] = 1;
    return r;
  }

  /** The full design row of day {@code t} (intercept first), matching {@link #beta}. */
  double[] row(int t) {
    double[] r = new double[PARAMETERS];
    r[0] = 1;
    System.arraycopy(regressors(t, firstDayOfWeek), 0, r, 1, PARAMETERS - 1);
    return r;
  }

  /** Fitted value of day {@code t} (t >= n is a forecast). */
  double mean(int t) {
    double[] r = row(t);
    double m = 0;
    for (int i = 0; i < PARAMETERS; i++) m += r[i] * beta[i];
    return m;
  }

  /** Sum of the design rows of days n .. n+h-1: the total's coefficient vector. */
  RealVector horizonRowSum(int h) {
    double[] a = new double[PARAMETERS];
    for (int t = n; t < n + h; t++) {
      double[] r = row(t);
      for (int i = 0; i < PARAMETERS; i++) a[i] += r[i];
    }
    return new ArrayRealVector(a, false);
  }

  /**
   * Variance of a horizon total's forecast error, in units of the residual variance.
   *
   * <p>The daily forecast errors of one fit are correlated twice over: every day shares the same
   * estimated coefficients, and cost residuals are autocorrelated. Summing per-day variances
   * would ignore both. Instead: (1) the parameter part is {@code a'(X'X)^-1 a} for {@code a} the
   * sum of the horizon's design rows (the exact variance of {@code a'beta_hat}), scaled by the
   * long-run variance factor {@code (1+rho)/(1-rho)} that AR(1) errors put on OLS coefficients;
   * (2) the noise part is the variance of a sum of {@code h} AR(1) errors,
   * {@code h + 2 sum_{k=1}^{h-1} (h-k) rho^k}.
   */
  double totalErrorVarianceFactor(int h) {
    RealVector a = horizonRowSum(h);
    double parameter = a.dotProduct(xtxInverse.operate(a)) * longRunFactor(rho);
    return parameter + ar1SumFactor(h, rho);
  }

  static double longRunFactor(double rho) {
    return (1 + rho) / (1 - rho);
  }

  /** Var(sum of h consecutive AR(1) errors) / marginal variance. */
  static double ar1SumFactor(int h, double rho) {
    double s = h;
    double rk = 1;
    for (int k = 1; k < h; k++) {
      rk *= rho;
      if (rk < 1e-12) break;
      s += 2 * (h - k) * rk;
    }
    return s;
  }

  /** Lag-1 autocorrelation of residuals, clamped to [0, {@link #MAX_RHO}]; 0 for a perfect fit. */
  static double lagOneAutocorrelation(double[] e) {
    double num = 0;
    double den = 0;
    for (int t = 0; t < e.length; t++) {
      den += e[t] * e[t];
      if (t > 0) num += e[t] * e[t - 1];
    }
    if (den <= 1e-18) return 0;
    // negative correlation would narrow the interval of a sum; keeping 0 is the cautious choice
    return Math.max(0, Math.min(MAX_RHO, num / den));
  }
}
