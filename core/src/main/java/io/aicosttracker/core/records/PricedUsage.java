package io.aicosttracker.core.records;

/**
 * A usage event with its cost decided.
 *
 * <p>{@link #costUsd} is what the aggregates sum: the provider-reported cost when the event had
 * one, else the catalog price, else 0 with {@link #costBasis} {@code unpriced} so that a price
 * gap is counted and visible instead of passing as a real $0.
 */
public class PricedUsage extends UsageEvent {
  public static final String BASIS_PROVIDER_REPORTED = "provider_reported";
  public static final String BASIS_CATALOG = "catalog";
  public static final String BASIS_UNPRICED = "unpriced";

  public double costUsd;
  public String costBasis;
  /** Catalog model id that matched, or null. */
  public String priceModelId;
  public String catalogVersion;
  /** Catalog price of the event even when the provider reported its own (for drift), or null. */
  public Double catalogCostUsd;

  public PricedUsage() {}

  public boolean isUnpriced() {
    return BASIS_UNPRICED.equals(costBasis);
  }
}
