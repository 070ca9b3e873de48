package io.aicosttracker.jobs.functions;

import java.io.Serializable;
import java.time.Duration;

/**
 * Tunables of the rolling z-score detector: window size (hourly or daily), history length,
 * thresholds, minimum history and cooldown.
 */
public final class AnomalyOptions implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Length of one point: one hour (default) or one day. */
  public Duration step = Duration.ofHours(1);
  /** Points of history in the mean and standard deviation (168 hourly, 28 daily). */
  public int points = 168;
  /** Alert when z >= this. */
  public double zThreshold = 3.0;
  /** ... and observed - expected >= this many USD. */
  public double dollarFloor = 1.0;
  /** No alerts until the series is this old. */
  public Duration minHistory = Duration.ofDays(14);
  /**
   * Whether manual entries (source=manual) count. Off by default: a person's entry books a
   * whole invoice at the time it is entered, a one-off jump that is not a usage anomaly.
   */
  public boolean includeManual = false;
  /** After an alert, no new alert for the same series for this long (stops flapping storms). */
  public Duration cooldown = Duration.ofHours(6);

  /** Hourly defaults. */
  public static AnomalyOptions hourly() {
    return new AnomalyOptions();
  }

  /** Daily defaults: 28 points of one day. */
  public static AnomalyOptions daily() {
    AnomalyOptions o = new AnomalyOptions();
    o.step = Duration.ofDays(1);
    o.points = 28;
    o.cooldown = Duration.ofDays(1);
    return o;
  }

  /** Checks ranges; throws a one-line message naming the option. */
  public AnomalyOptions validate() {
    if (points < 2) throw new IllegalArgumentException("anomaly history points must be >= 2, was " + points);
    if (!(zThreshold > 0)) throw new IllegalArgumentException("anomaly z threshold must be > 0, was " + zThreshold);
    if (dollarFloor < 0) throw new IllegalArgumentException("anomaly dollar floor must be >= 0, was " + dollarFloor);
    if (minHistory.isNegative()) throw new IllegalArgumentException("anomaly minimum history must be >= 0");
    if (cooldown.isNegative()) throw new IllegalArgumentException("anomaly cooldown must be >= 0");
    return this;
  }
}
