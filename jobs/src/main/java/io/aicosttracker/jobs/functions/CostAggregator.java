package io.aicosttracker.jobs.functions;

import io.aicosttracker.core.records.CostAggregate;
import io.aicosttracker.core.records.PricedUsage;
import org.apache.flink.api.common.functions.AggregateFunction;

/** Sums priced events of one window and key into a {@link CostAggregate}. */
public class CostAggregator implements AggregateFunction<PricedUsage, CostAggregate, CostAggregate> {
  @Override
  public CostAggregate createAccumulator() {
    return new CostAggregate();
  }

  @Override
  public CostAggregate add(PricedUsage e, CostAggregate acc) {
    if (acc.events == 0) {
      acc.project = e.project;
      acc.provider = e.provider;
      acc.model = e.model;
      acc.source = e.source;
    }
    acc.add(e);
    return acc;
  }

  @Override
  public CostAggregate getResult(CostAggregate acc) {
    return acc;
  }

  @Override
  public CostAggregate merge(CostAggregate a, CostAggregate b) {
    if (a.events == 0) return b;
    a.merge(b);
    return a;
  }
}
