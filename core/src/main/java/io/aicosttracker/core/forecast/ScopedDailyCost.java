package io.aicosttracker.core.forecast;

/**
 * One daily aggregate's cost attributed to one forecast scope.
 *
 * <p>{@link #dimensionKey} names the aggregate it came from, so that a corrected (late) daily
 * aggregate replaces its earlier value instead of adding to it. Public-field POJO for Flink.
 */
public class ScopedDailyCost {
  public String scope;
  public String dimensionKey;
  /** The UTC day, as days since 1970-01-01. */
  public long epochDay;
  public double costUsd;

  public ScopedDailyCost() {}

  public ScopedDailyCost(String scope, String dimensionKey, long epochDay, double costUsd) {
    this.scope = scope;
    this.dimensionKey = dimensionKey;
    this.epochDay = epochDay;
    this.costUsd = costUsd;
  }

  @Override
  public String toString() {
    return scope + "@" + epochDay + " " + dimensionKey + " " + costUsd;
  }
}
