package io.aicosttracker.jobs.functions;

import io.aicosttracker.core.records.CostAggregate;
import io.aicosttracker.core.records.PricedUsage;

/**
 * Sums priced events per (UTC hour, project, provider, model, source) inside each parallel
 * instance, before the shuffle to the hourly and daily windows (see {@link WindowPreCombiner}).
 */
public class CombineHourlyPartials extends WindowPreCombiner<PricedUsage, CombineHourlyPartials.PartialKey, CostAggregate> {
  private static final long HOUR = 3_600_000L;

  record PartialKey(long hourStart, String project, String provider, String model, String source) {}

  public CombineHourlyPartials() {
    super(HOUR);
  }

  @Override
  protected long timestampOf(PricedUsage e) {
    return e.timestamp;
  }

  @Override
  protected PartialKey keyOf(PricedUsage e, long hourStart) {
    return new PartialKey(hourStart, e.project, e.provider, e.model, e.source);
  }

  @Override
  protected CostAggregate newPartial(PricedUsage e, long hourStart) {
    CostAggregate acc = new CostAggregate();
    acc.granularity = CostAggregate.HOUR;
    acc.windowStart = hourStart;
    acc.project = e.project;
    acc.provider = e.provider;
    acc.model = e.model;
    acc.source = e.source;
    return acc;
  }

  @Override
  protected void add(CostAggregate partial, PricedUsage e) {
    partial.add(e);
  }

  @Override
  protected long windowStartOf(CostAggregate partial) {
    return partial.windowStart;
  }
}
