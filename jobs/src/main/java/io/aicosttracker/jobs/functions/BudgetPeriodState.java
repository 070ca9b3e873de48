package io.aicosttracker.jobs.functions;

import io.aicosttracker.core.records.ExactUsd;

/**
 * Keyed state of one budget period: spend, which thresholds fired, whether the forecast fired,
 * and the alert level. Lives in Flink state, so a restore from a checkpoint knows what already
 * fired.
 */
public class BudgetPeriodState {
  public static final int OK = 0;
  public static final int WARN = 1;
  public static final int ALERT = 2;

  public long start;
  public long end;
  public String startDate;
  /** The spend so far: {@link #spendExact} rounded to a pico-dollar. */
  public double spendUsd;
  /** The spend summed exactly, so that it does not depend on the order events arrived in. */
  public ExactUsd spendExact = new ExactUsd();
  public long events;
  public long maxEventTime = Long.MIN_VALUE;
  /** Bit i set = threshold i of the budget fired in this period. */
  public long firedThresholds;
  public boolean forecastFired;
  public int level = OK;
  /** Next hourly status boundary, epoch millis; {@code Long.MAX_VALUE} once the period is closed. */
  public long nextStatusAt;
  /** Event time of the last emitted status. */
  public long lastStatusAt = Long.MIN_VALUE;

  public BudgetPeriodState() {}

  /** Adds one event's cost to the spend. */
  void addSpend(double costUsd) {
    if (spendExact == null) spendExact = new ExactUsd();
    spendExact.seedFrom(spendUsd); // state from before the exact sum existed
    spendExact.add(costUsd);
    spendUsd = spendExact.toDouble();
  }

  static String levelName(int level) {
    return level == ALERT ? "ALERT" : level == WARN ? "WARN" : "OK";
  }
}
