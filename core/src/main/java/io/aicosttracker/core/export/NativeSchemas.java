package io.aicosttracker.core.export;

import static io.aicosttracker.core.export.ColumnType.DOUBLE;
import static io.aicosttracker.core.export.ColumnType.LONG;
import static io.aicosttracker.core.export.ColumnType.STRING;
import static io.aicosttracker.core.export.ColumnType.TIMESTAMP;

import io.aicosttracker.core.records.CostAggregate;
import io.aicosttracker.core.records.PricedUsage;

/**
 * The native export columns: the event schema's snake_case names, as in the job's own outputs.
 *
 * <p>Money ({@code cost_usd}, ...) is a double in USD; token and request counts are int64;
 * times are UTC timestamps.
 */
public final class NativeSchemas {
  private NativeSchemas() {}

  /** One row per priced usage event, partitioned by event time. */
  public static ExportSchema<PricedUsage> pricedEvents() {
    return ExportSchema.<PricedUsage>builder("priced_event", e -> e.timestamp)
        .required("event_id", STRING, e -> e.eventId)
        .required("timestamp", TIMESTAMP, e -> e.timestamp)
        .required("provider", STRING, e -> e.provider)
        .required("model", STRING, e -> e.model)
        .required("project", STRING, e -> e.project)
        .optional("team", STRING, e -> e.team)
        .optional("user", STRING, e -> e.user)
        .optional("api_key_id", STRING, e -> e.apiKeyId)
        .optional("environment", STRING, e -> e.environment)
        .optional("operation", STRING, e -> e.operation)
        .required("input_tokens", LONG, e -> e.inputTokens)
        .required("output_tokens", LONG, e -> e.outputTokens)
        .required("cache_read_tokens", LONG, e -> e.cacheReadTokens)
        .required("cache_write_tokens", LONG, e -> e.cacheWriteTokens)
        .required("reasoning_tokens", LONG, e -> e.reasoningTokens)
        .required("requests", LONG, e -> e.requests)
        .required("source", STRING, e -> e.source)
        .optional("tags", STRING, e -> e.tagsJson)
        .required("cost_usd", DOUBLE, e -> e.costUsd)
        .required("cost_basis", STRING, e -> e.costBasis)
        .optional("reported_cost_usd", DOUBLE, e -> e.reportedCostUsd)
        .optional("catalog_cost_usd", DOUBLE, e -> e.catalogCostUsd)
        .optional("price_model_id", STRING, e -> e.priceModelId)
        .optional("catalog_version", STRING, e -> e.catalogVersion)
        .build();
  }

  /** One row per (hour or day, project, provider, model, source), partitioned by window start. */
  public static ExportSchema<CostAggregate> aggregates(String granularity) {
    long size = CostAggregate.HOUR.equals(granularity) ? 3_600_000L : 86_400_000L;
    return ExportSchema.<CostAggregate>builder("usage_" + granularity, a -> a.windowStart)
        .required("window_start", TIMESTAMP, a -> a.windowStart)
        .required("window_end", TIMESTAMP, a -> a.windowStart + size)
        .required("project", STRING, a -> a.project)
        .required("provider", STRING, a -> a.provider)
        .required("model", STRING, a -> a.model)
        .required("source", STRING, a -> a.source)
        .required("events", LONG, a -> a.events)
        .required("requests", LONG, a -> a.requests)
        .required("input_tokens", LONG, a -> a.inputTokens)
        .required("output_tokens", LONG, a -> a.outputTokens)
        .required("cache_read_tokens", LONG, a -> a.cacheReadTokens)
        .required("cache_write_tokens", LONG, a -> a.cacheWriteTokens)
        .required("reasoning_tokens", LONG, a -> a.reasoningTokens)
        .required("cost_usd", DOUBLE, a -> a.costUsd)
        .required("unpriced_events", LONG, a -> a.unpricedEvents)
        .required("first_event_time", TIMESTAMP, a -> a.firstEventTime)
        .required("last_event_time", TIMESTAMP, a -> a.lastEventTime)
        .build();
  }
}
