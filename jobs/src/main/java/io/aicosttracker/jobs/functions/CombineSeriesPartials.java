package io.aicosttracker.jobs.functions;

import io.aicosttracker.core.records.PricedUsage;
import java.time.Duration;

/**
 * Sums priced events per (anomaly step window, project, provider, model) into {@link SeriesCost}
 * partials inside each parallel instance, so the anomaly windows receive a few partials per
 * series and window instead of every event (see {@link WindowPreCombiner}).
 */
public class CombineSeriesPartials extends WindowPreCombiner<PricedUsage, CombineSeriesPartials.SeriesWindow, SeriesCost> {
  record SeriesWindow(long windowStart, String project, String provider, String model) {}

  public CombineSeriesPartials(Duration step) {
    super(step.toMillis());
  }

  @Override
  protected long timestampOf(PricedUsage e) {
    return e.timestamp;
  }

  @Override
  protected SeriesWindow keyOf(PricedUsage e, long windowStart) {
    return new SeriesWindow(windowStart, e.project, e.provider, e.model);
  }

  @Override
  protected SeriesCost newPartial(PricedUsage e, long windowStart) {
    SeriesCost s = new SeriesCost();
    s.windowStart = windowStart;
    return s;
  }

  @Override
  protected void add(SeriesCost partial, PricedUsage e) {
    partial.add(e);
  }

  @Override
  protected long windowStartOf(SeriesCost partial) {
    return partial.windowStart;
  }
}
