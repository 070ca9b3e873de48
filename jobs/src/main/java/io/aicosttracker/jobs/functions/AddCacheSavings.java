package io.aicosttracker.jobs.functions;

import io.aicosttracker.connectors.jdbc.UsageAggregateRow;
import io.aicosttracker.core.pricing.PriceCatalog;
import io.aicosttracker.core.pricing.PriceQuote;
import io.aicosttracker.core.records.CostAggregate;
import io.aicosttracker.jobs.pipeline.CatalogSpec;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * Adds to each aggregate the dollars prompt caching saved against uncached catalog prices.
 *
 * <p>Savings = cost of the window's input with every cache-read and cache-write token billed as
 * plain input, minus its cost with cache prices; net of cache-write premiums, so it can be
 * negative. Tiered prices are chosen per request, so both quotes are taken for the window's
 * average request and multiplied by its request count. Output and per-request fees are the same
 * in both quotes and cancel out. Null when the catalog has no price for the model.
 */
public final class AddCacheSavings extends RichMapFunction<CostAggregate, UsageAggregateRow> {
  private static final long serialVersionUID = 1L;

  private final CatalogSpec catalogSpec;
  private transient PriceCatalog catalog;

  public AddCacheSavings(CatalogSpec catalogSpec) {
    this.catalogSpec = catalogSpec;
  }

  @Override
  public void open(OpenContext openContext) {
    catalog = catalogSpec.load();
  }

  @Override
  public UsageAggregateRow map(CostAggregate a) {
    return UsageAggregateRow.of(a, savings(catalog, a));
  }

  /** The savings of one aggregate, or null when unpriced. */
  public static Double savings(PriceCatalog catalog, CostAggregate a) {
    if (a.cacheReadTokens == 0 && a.cacheWriteTokens == 0) {
      return catalog.quote(a.provider, a.model, a.windowStart, 0, 0, 0, 0, 0) == null ? null : 0.0;
    }
    long requests = Math.max(1, a.requests);
    long input = Math.round((double) a.inputTokens / requests);
    long cacheRead = Math.round((double) a.cacheReadTokens / requests);
    long cacheWrite = Math.round((double) a.cacheWriteTokens / requests);
    PriceQuote uncached = catalog.quote(a.provider, a.model, a.windowStart, input, 0, 0, 0, 0);
    PriceQuote cached = catalog.quote(a.provider, a.model, a.windowStart, input, cacheRead, cacheWrite, 0, 0);
    if (uncached == null || cached == null) return null;
    return (uncached.costUsd() - cached.costUsd()) * requests;
  }
}
