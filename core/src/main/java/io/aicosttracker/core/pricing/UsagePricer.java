package io.aicosttracker.core.pricing;

import io.aicosttracker.core.records.PricedUsage;
import io.aicosttracker.core.records.UsageEvent;

/**
 * Decides the cost of a usage event: provider-reported cost first, then the catalog, else unpriced.
 *
 * <p>The catalog price is computed even when the provider reported a cost so that drift between
 * the two can be tracked per model.
 */
public final class UsagePricer {
  private final PriceCatalog catalog;

  public UsagePricer(PriceCatalog catalog) {
    this.catalog = catalog;
  }

  public PriceCatalog catalog() {
    return catalog;
  }

  /** Returns a new priced copy of {@code e}. */
  public PricedUsage price(UsageEvent e) {
    PricedUsage p = new PricedUsage();
    p.copyFrom(e);
    priceInto(p);
    return p;
  }

  /** Fills the cost fields of {@code p} from its usage fields. */
  public void priceInto(PricedUsage p) {
    PriceQuote q =
        catalog.quote(
            p.provider, p.model, p.timestamp, p.inputTokens, p.cacheReadTokens, p.cacheWriteTokens, p.outputTokens, p.requests);
    p.catalogVersion = catalog.version();
    p.priceModelId = q == null ? null : q.modelId();
    p.catalogCostUsd = q == null ? null : q.costUsd();
    if (p.reportedCostUsd != null) {
      p.costUsd = p.reportedCostUsd;
      p.costBasis = PricedUsage.BASIS_PROVIDER_REPORTED;
    } else if (q != null) {
      p.costUsd = q.costUsd();
      p.costBasis = PricedUsage.BASIS_CATALOG;
    } else {
      p.costUsd = 0.0;
      p.costBasis = PricedUsage.BASIS_UNPRICED;
    }
  }
}
