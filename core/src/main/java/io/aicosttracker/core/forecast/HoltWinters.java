package io.aicosttracker.core.forecast;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Additive Holt-Winters with a weekly season (ETS(A,A,A)): a level, a trend and seven day-of-week
 * offsets that all adapt as the series moves, so a step in the level (a price change, a customer
 * lost) is absorbed within days instead of bending a fitted trend line for months.
 *
 * <p>Error-correction form, for the one-step error {@code e_t = y_t - (l + b + s_{t-7})}:
 * {@code l += b + alpha e}, {@code b += beta e}, {@code s_t = s_{t-7} + gamma e}. The smoothing
 * parameters minimise the one-step squared error over the training window on a grid
 * ({@link #ALPHAS} x {@link #BETAS} x {@link #GAMMAS}, with {@code beta <= alpha} and
 * {@code gamma <= 1 - alpha} as in the usual admissible region); the starting states come from
 * the trend + day-of-week regression on the first four weeks, so that a series that is exactly
 * trend + weekly pattern is tracked without error from day 0.
 *
 * <p>Prediction interval of a horizon total: the model is a linear Gaussian state-space model, so
 * the error of the forecast of day {@code n+j} is {@code e_{n+j} + sum_{i<j} c_{j-i} e_{n+i}} with
 * {@code c_k = alpha + k beta + gamma [k mod 7 = 0]} (Hyndman et al., Forecasting with
 * Exponential Smoothing, 2008, ch. 6). Summing over the horizon, innovation {@code e_{n+i}}
 * enters the total with weight {@code 1 + C_{H-i}}, {@code C_k = c_1 + ... + c_k}, hence
 * {@code Var(total) = sigma^2 sum_{i=1}^{H} (1 + C_{H-i})^2}: exact under the model and cheap,
 * so no simulation is needed. It ignores the uncertainty of the estimated parameters; the
 * forecaster's back-test calibration widens intervals that prove too narrow out of sample.
 */
public final class HoltWinters implements ForecastModel {
  public static final String NAME = "holt_winters_additive";
  static final int SEASON = 7;
  /** Days of history the starting states are estimated from. */
  static final int INIT_DAYS = 28;
  static final double[] ALPHAS = {0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.7, 0.9};
  static final double[] BETAS = {0, 0.001, 0.005, 0.01, 0.02, 0.05, 0.1};
  static final double[] GAMMAS = {0, 0.02, 0.05, 0.1, 0.2, 0.3};
  private static final double Z90 = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.90);
  private static final double Z975 = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.975);

  @Override
  public String name() {
    return NAME;
  }

  /** Smoothing parameters and the final states after running through the history. */
  record State(double alpha, double beta, double gamma, double level, double trend, double[] season, int n, double sse) {
    /** Forecast of day {@code n + j} (j >= 0). */
    double forecast(int j) {
      return level + (j + 1) * trend + season[Math.floorMod(n + j, SEASON)];
    }
  }

  @Override
  public Fitted fit(double[] history, int firstDayOfWeek) {
    int n = history.length;
    if (n < 2 * SEASON) return null;
    double[] init = initialStates(history, firstDayOfWeek);
    State best = null;
    for (double a : ALPHAS) {
      for (double b : BETAS) {
        if (b > a) continue;
        for (double g : GAMMAS) {
          if (g > 1 - a) continue;
          State s = run(history, init, a, b, g);
          // strict improvement only: ties (e.g. an exact series) keep the smoothest parameters
          if (best == null || s.sse < best.sse - 1e-12 * (1 + best.sse)) best = s;
        }
      }
    }
    State fit = best;
    // parameters: three smoothing constants plus level, trend and 6 free season states
    int dof = Math.max(1, n - 3 - 2 - (SEASON - 1));
    double sigma2 = fit.sse / dof;
    return new Fitted() {
      @Override
      public double[] meanPath(int days) {
        double[] path = new double[days];
        for (int j = 0; j < days; j++) path[j] = fit.forecast(j);
        return path;
      }

      @Override
      public Prediction predict(int days) {
        double[] path = meanPath(days);
        double total = 0;
        for (double v : path) total += v;
        double se = Math.sqrt(sigma2 * totalVarianceFactor(fit, days));
        return new Prediction(path, total, total - Z90 * se, total + Z90 * se, total - Z975 * se, total + Z975 * se);
      }
    };
  }

  /**
   * {@code sum_{i=1}^{H} (1 + C_{H-i})^2}: the variance of the error of a {@code days}-day total
   * in units of the one-step error variance.
   */
  static double totalVarianceFactor(State s, int days) {
    double[] cum = new double[days];
    double c = 0;
    for (int k = 1; k < days; k++) {
      c += s.alpha + k * s.beta + (k % SEASON == 0 ? s.gamma : 0);
      cum[k] = c;
    }
    double v = 0;
    for (int i = 1; i <= days; i++) {
      double w = 1 + cum[days - i];
      v += w * w;
    }
    return v;
  }

  /**
   * Starting states as of just before day 0: level, trend per day, then the season offset of day
   * {@code t} at index {@code t mod 7}, centred to sum to zero.
   */
  static double[] initialStates(double[] y, int firstDayOfWeek) {
    int k = Math.min(y.length, INIT_DAYS);
    double[] head = java.util.Arrays.copyOf(y, k);
    TrendDayOfWeekFit f = TrendDayOfWeekFit.fit(head, firstDayOfWeek);
    double perDay = f.beta[1] / 7.0; // the regression's trend is per week
    double[] season = new double[SEASON];
    double mean = 0;
    for (int t = 0; t < SEASON; t++) {
      // value of day t without its trend component: intercept + day-of-week effect
      season[t] = f.mean(t) - perDay * t;
      mean += season[t] / SEASON;
    }
    double[] init = new double[2 + SEASON];
    init[0] = mean - perDay; // level of day -1
    init[1] = perDay;
    for (int t = 0; t < SEASON; t++) init[2 + t] = season[t] - mean;
    return init;
  }

  static State run(double[] y, double[] init, double alpha, double beta, double gamma) {
    double level = init[0];
    double trend = init[1];
    double[] season = new double[SEASON];
    System.arraycopy(init, 2, season, 0, SEASON);
    double sse = 0;
    for (int t = 0; t < y.length; t++) {
      int i = t % SEASON;
      double e = y[t] - (level + trend + season[i]);
      sse += e * e;
      level += trend + alpha * e;
      trend += beta * e;
      season[i] += gamma * e;
    }
    return new State(alpha, beta, gamma, level, trend, season, y.length, sse);
  }
}
