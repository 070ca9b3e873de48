package io.aicosttracker.jobs.functions;

import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Sums the {@link SeriesCost} partials of one window and series. */
public class SeriesCostAggregator implements AggregateFunction<SeriesCost, SeriesCost, SeriesCost> {
  @Override
  public SeriesCost createAccumulator() {
    return new SeriesCost();
  }

  @Override
  public SeriesCost add(SeriesCost partial, SeriesCost acc) {
    acc.merge(partial);
    return acc;
  }

  @Override
  public SeriesCost getResult(SeriesCost acc) {
    return acc;
  }

  @Override
  public SeriesCost merge(SeriesCost a, SeriesCost b) {
    a.merge(b);
    return a;
  }

  /** Stamps the window start on a copy of the aggregate (the accumulator stays for late firings). */
  public static class StampSeriesWindow extends ProcessWindowFunction<SeriesCost, SeriesCost, String, TimeWindow> {
    @Override
    public void process(String key, Context ctx, Iterable<SeriesCost> in, Collector<SeriesCost> out) {
      for (SeriesCost s : in) {
        SeriesCost copy = new SeriesCost();
        copy.merge(s);
        copy.windowStart = ctx.window().getStart();
        out.collect(copy);
      }
    }
  }
}
