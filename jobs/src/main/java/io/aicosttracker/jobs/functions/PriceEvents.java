package io.aicosttracker.jobs.functions;

import io.aicosttracker.core.pricing.PriceCatalog;
import io.aicosttracker.core.pricing.UsagePricer;
import io.aicosttracker.core.records.PricedUsage;
import io.aicosttracker.core.records.UsageEvent;
import io.aicosttracker.jobs.pipeline.CatalogSpec;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;

/** Prices each event from the catalog (loaded once per task from the shipped {@link CatalogSpec}). */
public class PriceEvents extends RichMapFunction<UsageEvent, PricedUsage> {
  private final CatalogSpec catalog;
  private transient UsagePricer pricer;
  private transient LongCounter unpriced;
  private transient Counter unpricedMetric;

  public PriceEvents(CatalogSpec catalog) {
    this.catalog = catalog;
  }

  @Override
  public void open(OpenContext openContext) {
    PriceCatalog c = catalog.load();
    pricer = new UsagePricer(c);
    unpriced = getRuntimeContext().getLongCounter(PipelineCounters.UNPRICED);
    unpricedMetric = getRuntimeContext().getMetricGroup().counter("eventsUnpriced");
  }

  @Override
  public PricedUsage map(UsageEvent e) {
    PricedUsage p = pricer.price(e);
    if (p.isUnpriced()) {
      unpriced.add(1);
      unpricedMetric.inc();
    }
    return p;
  }
}
