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
  /**
   * The cost; in a window result it is {@link #costExact} rounded to a pico-dollar
   * ({@link #settleCost()}), elsewhere a running sum.
   */
  public double costUsd;
  /** The cost summed exactly, the same in any order. */
  public ExactUsd costExact = new ExactUsd();
  public long unpricedEvents;
  public long firstEventTime = Long.MAX_VALUE;
  public long lastEventTime = Long.MIN_VALUE;

  public CostAggregate() {}

  /** Adds one priced event. */
  public void add(PricedUsage e) {
    exact().seedFrom(costUsd);
    events++;
    requests += e.requests;
    inputTokens += e.inputTokens;
    outputTokens += e.outputTokens;
    cacheReadTokens += e.cacheReadTokens;
    cacheWriteTokens += e.cacheWriteTokens;
    reasoningTokens += e.reasoningTokens;
    costUsd += e.costUsd;
    costExact.add(e.costUsd);
    if (e.isUnpriced()) unpricedEvents++;
    firstEventTime = Math.min(firstEventTime, e.timestamp);
    lastEventTime = Math.max(lastEventTime, e.timestamp);
  }

  /** Adds another partial aggregate of the same key. */
  public void merge(CostAggregate o) {
    exact().seedFrom(costUsd);
    events += o.events;
    requests += o.requests;
    inputTokens += o.inputTokens;
    outputTokens += o.outputTokens;
    cacheReadTokens += o.cacheReadTokens;
    cacheWriteTokens += o.cacheWriteTokens;
    reasoningTokens += o.reasoningTokens;
    costUsd += o.costUsd;
    if (o.costExact == null || o.costExact.isZero()) {
      // an aggregate read back from a file or a table carries only its double
      costExact.add(o.costUsd);
    } else {
      costExact.add(o.costExact);
    }
    unpricedEvents += o.unpricedEvents;
    firstEventTime = Math.min(firstEventTime, o.firstEventTime);
    lastEventTime = Math.max(lastEventTime, o.lastEventTime);
  }

  /** Sets {@link #costUsd} to the exact sum, rounded to a pico-dollar: the same in every run. */
  public void settleCost() {
    costUsd = exact().toDouble();
  }

  private ExactUsd exact() {
    if (costExact == null) costExact = new ExactUsd();
    return costExact;
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
