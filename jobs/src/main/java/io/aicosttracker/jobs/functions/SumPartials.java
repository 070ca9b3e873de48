package io.aicosttracker.jobs.functions;

import io.aicosttracker.core.records.CostAggregate;
import org.apache.flink.api.common.functions.AggregateFunction;

/** Adds partial sums of one window and key (from {@link CombineHourlyPartials}) into one aggregate. */
public class SumPartials implements AggregateFunction<CostAggregate, CostAggregate, CostAggregate> {
  @Override
  public CostAggregate createAccumulator() {
    return new CostAggregate();
  }

  @Override
  public CostAggregate add(CostAggregate partial, CostAggregate acc) {
    if (acc.events == 0 && acc.project == null) {
      acc.project = partial.project;
      acc.provider = partial.provider;
      acc.model = partial.model;
      acc.source = partial.source;
    }
    acc.merge(partial);
    return acc;
  }

  @Override
  public CostAggregate getResult(CostAggregate acc) {
    return acc;
  }

  @Override
  public CostAggregate merge(CostAggregate a, CostAggregate b) {
    if (a.project == null) return b;
    a.merge(b);
    return a;
  }
}
