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
    costUsd += e.costUsd;
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
    costUsd += o.costUsd;
    unpricedEvents += o.unpricedEvents;
    firstEventTime = Math.min(firstEventTime, o.firstEventTime);
    lastEventTime = Math.max(lastEventTime, o.lastEventTime);
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
