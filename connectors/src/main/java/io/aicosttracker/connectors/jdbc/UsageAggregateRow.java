package io.aicosttracker.connectors.jdbc;

import io.aicosttracker.core.records.CostAggregate;

/**
 * An hourly or daily aggregate as stored in {@code usage_hourly}/{@code usage_daily}: the
 * aggregate plus the dollars prompt caching saved against uncached catalog prices.
 */
public class UsageAggregateRow extends CostAggregate {
  /** Uncached input cost minus actual input cost; null when the model has no catalog price. */
  public Double cacheSavingsUsd;

  public UsageAggregateRow() {}

  /** Copies {@code a} and adds the savings. */
  public static UsageAggregateRow of(CostAggregate a, Double cacheSavingsUsd) {
    UsageAggregateRow r = new UsageAggregateRow();
    r.granularity = a.granularity;
    r.windowStart = a.windowStart;
    r.project = a.project;
    r.provider = a.provider;
    r.model = a.model;
    r.source = a.source;
    r.merge(a);
    r.cacheSavingsUsd = cacheSavingsUsd;
    return r;
  }
}
