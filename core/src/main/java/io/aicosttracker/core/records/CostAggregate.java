package io.aicosttracker.core.records;

/**
 * Sums of priced usage for one (window, project, provider, model, source).
 *
 * <p>Mutable POJO: the aggregation functions add into it in place.
 */
public class CostAggregate {
  public static final String HOUR = "hour";
  public static final String DAY = "day";

  /** {@link #HOUR} or {@link #DAY}. */
  public String granularity;
  /** Window start, epoch millis UTC. */
  public long windowStart;
  public String project;
  public String provider;
  public String model;
  public String source;

  public long events;
  public long requests;
  public long inputTokens;
  public long outputTokens;
  public long cacheReadTokens;
  public long cacheWriteTokens;
  public long reasoningTokens;
  public double costUsd;
  /**
   * {@link #costUsd} as whole nano-dollars, summed exactly: partials reach a window in a varying
   * order, and summing doubles in a varying order changed the last digit of daily totals between
   * runs over the same input. {@link #costUsd} is always {@code costNanos / 1e9} after
   * {@link #add}/{@link #merge}.
   */
  public long costNanos;
  public long unpricedEvents;
  public long firstEventTime = Long.MAX_VALUE;
  public long lastEventTime = Long.MIN_VALUE;

  public CostAggregate() {}

  /** Adds one priced event. */
  public void add(PricedUsage e) {
    events++;
    requests += e.requests;
    inputTokens += e.inputTokens;
    outputTokens += e.outputTokens;
    cacheReadTokens += e.cacheReadTokens;
    cacheWriteTokens += e.cacheWriteTokens;
    reasoningTokens += e.reasoningTokens;
    costNanos = nanos() + toNanos(e.costUsd);
    costUsd = costNanos / 1e9;
    if (e.isUnpriced()) unpricedEvents++;
    firstEventTime = Math.min(firstEventTime, e.timestamp);
    lastEventTime = Math.max(lastEventTime, e.timestamp);
  }

  /** Adds another partial aggregate of the same key. */
  public void merge(CostAggregate o) {
    events += o.events;
    requests += o.requests;
    inputTokens += o.inputTokens;
    outputTokens += o.outputTokens;
    cacheReadTokens += o.cacheReadTokens;
    cacheWriteTokens += o.cacheWriteTokens;
    reasoningTokens += o.reasoningTokens;
    costNanos = nanos() + o.nanos();
    costUsd = costNanos / 1e9;
    unpricedEvents += o.unpricedEvents;
    firstEventTime = Math.min(firstEventTime, o.firstEventTime);
    lastEventTime = Math.max(lastEventTime, o.lastEventTime);
  }

  /** The exact cost; an aggregate built by setting only {@link #costUsd} (read from a file) converts it. */
  private long nanos() {
    return costNanos != 0 || costUsd == 0 ? costNanos : toNanos(costUsd);
  }

  private static long toNanos(double usd) {
    return Math.round(usd * 1e9);
  }

  /** The grouping key without the window: project, provider, model, source. */
  public String dimensionKey() {
    return project + '\u0001' + provider + '\u0001' + model + '\u0001' + source;
  }

  @Override
  public String toString() {
    return granularity + "@" + windowStart + " " + dimensionKey().replace('\u0001', '/') + " cost=" + costUsd + " events=" + events;
  }
}
