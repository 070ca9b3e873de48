package io.aicosttracker.core.export;

import static io.aicosttracker.core.export.ColumnType.DOUBLE;
import static io.aicosttracker.core.export.ColumnType.LONG;
import static io.aicosttracker.core.export.ColumnType.STRING;
import static io.aicosttracker.core.export.ColumnType.TIMESTAMP;

import io.aicosttracker.core.forecast.Forecast;
import io.aicosttracker.core.records.AlertEvent;
import io.aicosttracker.core.records.CostAggregate;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

  /**
   * One row per alert event as {@code cost-tracker run} recorded it, partitioned by its event time.
   * Numbers that do not apply to the alert's kind are null; {@code top_contributors} is JSON text.
   */
  public static ExportSchema<AlertEvent> alerts() {
    return ExportSchema.<AlertEvent>builder("alert", a -> a.eventTime)
        .required("alert_id", STRING, a -> a.alertId)
        .required("event_time", TIMESTAMP, a -> a.eventTime)
        .required("kind", STRING, a -> a.kind)
        .optional("severity", STRING, a -> a.severity)
        .optional("state", STRING, a -> a.state)
        .optional("budget_id", STRING, a -> a.budgetId)
        .optional("scope", STRING, a -> a.scope)
        .optional("project", STRING, a -> a.project)
        .optional("team", STRING, a -> a.team)
        .optional("provider", STRING, a -> a.provider)
        .optional("model", STRING, a -> a.model)
        .optional("period_start", TIMESTAMP, a -> a.periodStart == 0 && a.periodEnd == 0 ? null : a.periodStart)
        .optional("period_end", TIMESTAMP, a -> a.periodStart == 0 && a.periodEnd == 0 ? null : a.periodEnd)
        .optional("observed_value", DOUBLE, a -> finite(a.observedValue))
        .optional("threshold_value", DOUBLE, a -> finite(a.thresholdValue))
        .optional("expected_value", DOUBLE, a -> finite(a.expectedValue))
        .optional("percent_used", DOUBLE, a -> finite(a.percentUsed))
        .optional("projected_spend_usd", DOUBLE, a -> finite(a.projectedSpend))
        .optional("exhaustion_time", TIMESTAMP, a -> a.exhaustionTime)
        .optional("score", DOUBLE, a -> finite(a.score))
        .optional("dollar_impact_usd", DOUBLE, a -> finite(a.dollarImpact))
        .optional("top_contributors", STRING, a -> a.topContributorsJson)
        .optional("message", STRING, a -> a.message)
        .optional("link", STRING, a -> a.link)
        .build();
  }

  /**
   * One row per forecast (scope, origin day, horizon), partitioned by the origin day. The origin
   * and horizon end are UTC midnights; absent figures (insufficient history) are null;
   * {@code daily_path_usd} is the daily expected cost as a JSON array text.
   */
  public static ExportSchema<Forecast> forecasts() {
    return ExportSchema.<Forecast>builder("forecast", NativeSchemas::originMillis)
        .required("scope", STRING, f -> f.scope)
        .optional("project", STRING, f -> forecastProject(f.scope))
        .required("origin_date", TIMESTAMP, NativeSchemas::originMillis)
        .required("horizon_days", LONG, f -> (long) f.horizonDays)
        .required("horizon_end", TIMESTAMP, f -> originMillis(f) + f.horizonDays * 86_400_000L)
        .optional("status", STRING, f -> f.status)
        .optional("forecast_model", STRING, f -> f.forecastModel)
        .required("history_days", LONG, f -> (long) f.historyDays)
        .optional("expected_total_usd", DOUBLE, f -> finite(f.expectedTotalUsd))
        .optional("lower_80_usd", DOUBLE, f -> finite(f.lower80Usd))
        .optional("upper_80_usd", DOUBLE, f -> finite(f.upper80Usd))
        .optional("lower_95_usd", DOUBLE, f -> finite(f.lower95Usd))
        .optional("upper_95_usd", DOUBLE, f -> finite(f.upper95Usd))
        .optional("backtest_mape", DOUBLE, f -> finite(f.backtestMape))
        .required("backtest_horizon_days", LONG, f -> (long) f.backtestHorizonDays)
        .required("backtest_folds", LONG, f -> (long) f.backtestFolds)
        .optional("generated_at", TIMESTAMP, f -> f.generatedAt == 0 ? null : f.generatedAt)
        .optional("daily_path_usd", STRING, NativeSchemas::dailyPathJson)
        .build();
  }

  /** The project of a {@code project:NAME} forecast scope, else null (all usage, a model). */
  public static String forecastProject(String scope) {
    return scope != null && scope.startsWith("project:") ? scope.substring("project:".length()) : null;
  }

  private static long originMillis(Forecast f) {
    return LocalDate.parse(f.originDate).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  private static String dailyPathJson(Forecast f) {
    if (f.dailyPathUsd == null || f.dailyPathUsd.length == 0) return null;
    StringBuilder b = new StringBuilder(f.dailyPathUsd.length * 8).append('[');
    for (int i = 0; i < f.dailyPathUsd.length; i++) {
      if (i > 0) b.append(',');
      double v = f.dailyPathUsd[i];
      // JSON has no NaN; a missing day is null
      if (Double.isFinite(v)) b.append(v);
      else b.append("null");
    }
    return b.append(']').toString();
  }

  private static Double finite(Double v) {
    return v == null || !Double.isFinite(v) ? null : v;
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
