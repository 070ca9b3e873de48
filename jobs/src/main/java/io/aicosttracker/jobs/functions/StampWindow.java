package io.aicosttracker.jobs.functions;

import io.aicosttracker.core.records.CostAggregate;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Stamps the window start and granularity on the window's aggregate. */
public class StampWindow extends ProcessWindowFunction<CostAggregate, CostAggregate, String, TimeWindow> {
  private final String granularity;

  public StampWindow(String granularity) {
    this.granularity = granularity;
  }

  @Override
  public void process(String key, Context ctx, Iterable<CostAggregate> aggregates, Collector<CostAggregate> out) {
    for (CostAggregate a : aggregates) {
      // a copy: the accumulator stays in window state for late firings
      CostAggregate result = new CostAggregate();
      result.project = a.project;
      result.provider = a.provider;
      result.model = a.model;
      result.source = a.source;
      result.merge(a);
      result.settleCost();
      result.windowStart = ctx.window().getStart();
      result.granularity = granularity;
      out.collect(result);
    }
  }
}
