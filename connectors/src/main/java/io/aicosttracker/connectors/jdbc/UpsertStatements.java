package io.aicosttracker.connectors.jdbc;

import io.aicosttracker.core.records.AlertEvent;
import io.aicosttracker.core.records.CostAggregate;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;

/**
 * The {@code INSERT ... ON CONFLICT ... DO UPDATE} statements of the JDBC sinks and their binders.
 *
 * <p>Every upsert REPLACES the row's values (a window result, an alert or a status is the full
 * value, never an increment), so replays and corrected late windows leave the rows a clean run
 * leaves. Usage rows are only touched when a value changed, so an identical replay keeps even
 * {@code updated_at}.
 */
public final class UpsertStatements {
  private UpsertStatements() {}

  private static final String USAGE_COLUMNS = "events, requests, input_tokens, output_tokens, cache_read_tokens,"
      + " cache_write_tokens, reasoning_tokens, cost_usd, cache_savings_usd, unpriced_events, first_event_time, last_event_time";

  /** Upsert into {@code usage_hourly} or {@code usage_daily}. */
  public static String usage(String table) {
    if (!table.equals("usage_hourly") && !table.equals("usage_daily")) throw new IllegalArgumentException("not a usage table: " + table);
    StringBuilder set = new StringBuilder();
    StringBuilder cur = new StringBuilder();
    StringBuilder next = new StringBuilder();
    for (String c : USAGE_COLUMNS.split(",\\s*")) {
      set.append(c).append(" = EXCLUDED.").append(c).append(", ");
      cur.append(cur.length() == 0 ? "" : ", ").append(table).append('.').append(c);
      next.append(next.length() == 0 ? "" : ", ").append("EXCLUDED.").append(c);
    }
    return "INSERT INTO " + table + " (window_start, project, provider, model, source, " + USAGE_COLUMNS + ", updated_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())"
        + " ON CONFLICT (window_start, project, provider, model, source) DO UPDATE SET " + set + "updated_at = now()"
        + " WHERE (" + cur + ") IS DISTINCT FROM (" + next + ")";
  }

  /** Binds an aggregate (and, for a {@link UsageAggregateRow}, its cache savings). */
  public static <T extends CostAggregate> JdbcStatementBuilder<T> usageBinder() {
    return (ps, a) -> {
      int i = 1;
      ps.setObject(i++, time(a.windowStart));
      ps.setString(i++, a.project);
      ps.setString(i++, a.provider);
      ps.setString(i++, a.model);
      ps.setString(i++, a.source);
      ps.setLong(i++, a.events);
      ps.setLong(i++, a.requests);
      ps.setLong(i++, a.inputTokens);
      ps.setLong(i++, a.outputTokens);
      ps.setLong(i++, a.cacheReadTokens);
      ps.setLong(i++, a.cacheWriteTokens);
      ps.setLong(i++, a.reasoningTokens);
      ps.setDouble(i++, a.costUsd);
      setDouble(ps, i++, a instanceof UsageAggregateRow r ? r.cacheSavingsUsd : null);
      ps.setLong(i++, a.unpricedEvents);
      ps.setObject(i++, a.firstEventTime == Long.MAX_VALUE ? null : time(a.firstEventTime), Types.TIMESTAMP_WITH_TIMEZONE);
      ps.setObject(i, a.lastEventTime == Long.MIN_VALUE ? null : time(a.lastEventTime), Types.TIMESTAMP_WITH_TIMEZONE);
    };
  }

  /**
   * Upsert into {@code alerts}. A RESOLVED record keeps the raise time in {@code event_time} and
   * stamps {@code resolved_time}; a new ALERT for the same id clears it.
   */
  public static final String ALERTS = "INSERT INTO alerts (alert_id, kind, severity, state, budget_id, scope, project, team,"
      + " provider, model, period_start, period_end, observed_value, threshold_value, expected_value, percent_used,"
      + " projected_spend, exhaustion_time, score, dollar_impact, top_contributors, message, event_time, resolved_time, link, updated_at)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?,"
      + " CASE WHEN ? = 'RESOLVED' THEN CAST(? AS timestamptz) END, ?, now())"
      + " ON CONFLICT (alert_id) DO UPDATE SET kind = EXCLUDED.kind, severity = EXCLUDED.severity, state = EXCLUDED.state,"
      + " budget_id = EXCLUDED.budget_id, scope = EXCLUDED.scope, project = EXCLUDED.project, team = EXCLUDED.team,"
      + " provider = EXCLUDED.provider, model = EXCLUDED.model, period_start = EXCLUDED.period_start,"
      + " period_end = EXCLUDED.period_end, observed_value = EXCLUDED.observed_value,"
      + " threshold_value = EXCLUDED.threshold_value, expected_value = EXCLUDED.expected_value,"
      + " percent_used = EXCLUDED.percent_used, projected_spend = EXCLUDED.projected_spend,"
      + " exhaustion_time = EXCLUDED.exhaustion_time, score = EXCLUDED.score, dollar_impact = EXCLUDED.dollar_impact,"
      + " top_contributors = EXCLUDED.top_contributors, message = EXCLUDED.message,"
      + " event_time = CASE WHEN EXCLUDED.state = 'RESOLVED' THEN alerts.event_time ELSE EXCLUDED.event_time END,"
      + " resolved_time = EXCLUDED.resolved_time, link = EXCLUDED.link, updated_at = now()";

  public static JdbcStatementBuilder<AlertEvent> alertBinder() {
    return (ps, a) -> {
      int i = 1;
      ps.setString(i++, a.alertId);
      ps.setString(i++, a.kind);
      ps.setString(i++, a.severity);
      ps.setString(i++, a.state);
      ps.setString(i++, a.budgetId);
      ps.setString(i++, a.scope);
      ps.setString(i++, a.project);
      ps.setString(i++, a.team);
      ps.setString(i++, a.provider);
      ps.setString(i++, a.model);
      ps.setObject(i++, optionalTime(a.periodStart), Types.TIMESTAMP_WITH_TIMEZONE);
      ps.setObject(i++, optionalTime(a.periodEnd), Types.TIMESTAMP_WITH_TIMEZONE);
      setDouble(ps, i++, a.observedValue);
      setDouble(ps, i++, a.thresholdValue);
      setDouble(ps, i++, a.expectedValue);
      setDouble(ps, i++, a.percentUsed);
      setDouble(ps, i++, a.projectedSpend);
      ps.setObject(i++, a.exhaustionTime == null ? null : time(a.exhaustionTime), Types.TIMESTAMP_WITH_TIMEZONE);
      setDouble(ps, i++, a.score);
      setDouble(ps, i++, a.dollarImpact);
      ps.setString(i++, a.topContributorsJson);
      ps.setString(i++, a.message);
      ps.setObject(i++, time(a.eventTime));
      ps.setString(i++, a.state);
      ps.setObject(i++, time(a.eventTime));
      ps.setString(i, a.link);
    };
  }

  /** Upsert into {@code anomalies} from a {@code COST_ANOMALY} alert (period = the anomalous window). */
  public static final String ANOMALIES = "INSERT INTO anomalies (anomaly_id, project, provider, model, granularity, window_start,"
      + " window_end, observed_usd, expected_usd, score, dollar_impact, severity, top_contributors, message, detected_at, updated_at)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, now())"
      + " ON CONFLICT (anomaly_id) DO UPDATE SET project = EXCLUDED.project, provider = EXCLUDED.provider,"
      + " model = EXCLUDED.model, granularity = EXCLUDED.granularity, window_start = EXCLUDED.window_start,"
      + " window_end = EXCLUDED.window_end, observed_usd = EXCLUDED.observed_usd, expected_usd = EXCLUDED.expected_usd,"
      + " score = EXCLUDED.score, dollar_impact = EXCLUDED.dollar_impact, severity = EXCLUDED.severity,"
      + " top_contributors = EXCLUDED.top_contributors, message = EXCLUDED.message, detected_at = EXCLUDED.detected_at,"
      + " updated_at = now()";

  public static JdbcStatementBuilder<AlertEvent> anomalyBinder() {
    return (ps, a) -> {
      int i = 1;
      ps.setString(i++, a.alertId);
      ps.setString(i++, a.project);
      ps.setString(i++, a.provider);
      ps.setString(i++, a.model);
      long span = a.periodEnd - a.periodStart;
      ps.setString(i++, span > 0 && span <= 3_600_000L ? "hour" : span > 0 ? "day" : "hour");
      ps.setObject(i++, time(a.periodStart != 0 ? a.periodStart : a.eventTime));
      ps.setObject(i++, optionalTime(a.periodEnd), Types.TIMESTAMP_WITH_TIMEZONE);
      ps.setDouble(i++, a.observedValue == null ? 0.0 : a.observedValue);
      setDouble(ps, i++, a.expectedValue);
      ps.setDouble(i++, a.score == null ? 0.0 : a.score);
      setDouble(ps, i++, a.dollarImpact);
      ps.setString(i++, a.severity);
      ps.setString(i++, a.topContributorsJson);
      ps.setString(i++, a.message);
      ps.setObject(i, time(a.eventTime));
    };
  }

  public static final String BUDGET_STATUS = "INSERT INTO budget_status (budget_id, period_start, period_end, as_of, spend_usd,"
      + " amount_usd, percent_used, burn_rate_usd_per_hour, projected_spend_usd, exhaustion_time,"
      + " forecast_projected_spend_usd, forecast_exhaustion_time, forecast_model, state, updated_at)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())"
      + " ON CONFLICT (budget_id, period_start, as_of) DO UPDATE SET period_end = EXCLUDED.period_end,"
      + " spend_usd = EXCLUDED.spend_usd, amount_usd = EXCLUDED.amount_usd, percent_used = EXCLUDED.percent_used,"
      + " burn_rate_usd_per_hour = EXCLUDED.burn_rate_usd_per_hour, projected_spend_usd = EXCLUDED.projected_spend_usd,"
      + " exhaustion_time = EXCLUDED.exhaustion_time, forecast_projected_spend_usd = EXCLUDED.forecast_projected_spend_usd,"
      + " forecast_exhaustion_time = EXCLUDED.forecast_exhaustion_time, forecast_model = EXCLUDED.forecast_model,"
      + " state = EXCLUDED.state, updated_at = now()";

  public static JdbcStatementBuilder<BudgetStatusRow> budgetStatusBinder() {
    return (ps, s) -> {
      int i = 1;
      ps.setString(i++, s.budgetId);
      ps.setObject(i++, time(s.periodStart));
      ps.setObject(i++, time(s.periodEnd));
      ps.setObject(i++, time(s.asOf));
      ps.setDouble(i++, s.spendUsd);
      ps.setDouble(i++, s.amountUsd);
      setDouble(ps, i++, s.percentUsed);
      setDouble(ps, i++, s.burnRateUsdPerHour);
      setDouble(ps, i++, s.projectedSpendUsd);
      ps.setObject(i++, s.exhaustionTime == null ? null : time(s.exhaustionTime), Types.TIMESTAMP_WITH_TIMEZONE);
      setDouble(ps, i++, s.forecastProjectedSpendUsd);
      ps.setObject(i++, s.forecastExhaustionTime == null ? null : time(s.forecastExhaustionTime), Types.TIMESTAMP_WITH_TIMEZONE);
      ps.setString(i++, s.forecastModel);
      ps.setString(i, s.state);
    };
  }

  public static final String FORECASTS = "INSERT INTO forecasts (scope, issued_for, target_day, expected_usd, lower80_usd,"
      + " upper80_usd, lower95_usd, upper95_usd, model_name, backtest_mape, status, updated_at)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())"
      + " ON CONFLICT (scope, issued_for, target_day) DO UPDATE SET expected_usd = EXCLUDED.expected_usd,"
      + " lower80_usd = EXCLUDED.lower80_usd, upper80_usd = EXCLUDED.upper80_usd, lower95_usd = EXCLUDED.lower95_usd,"
      + " upper95_usd = EXCLUDED.upper95_usd, model_name = EXCLUDED.model_name, backtest_mape = EXCLUDED.backtest_mape,"
      + " status = EXCLUDED.status, updated_at = now()";

  public static JdbcStatementBuilder<ForecastRow> forecastBinder() {
    return (ps, f) -> {
      int i = 1;
      ps.setString(i++, f.scope);
      ps.setObject(i++, LocalDate.parse(f.issuedFor));
      ps.setObject(i++, LocalDate.parse(f.targetDay));
      setDouble(ps, i++, f.expectedUsd);
      setDouble(ps, i++, f.lower80Usd);
      setDouble(ps, i++, f.upper80Usd);
      setDouble(ps, i++, f.lower95Usd);
      setDouble(ps, i++, f.upper95Usd);
      ps.setString(i++, f.modelName);
      setDouble(ps, i++, f.backtestMape);
      ps.setString(i, f.status);
    };
  }

  public static final String FORECAST_HORIZONS = "INSERT INTO forecast_horizons (scope, issued_for, horizon_days, expected_usd,"
      + " lower80_usd, upper80_usd, lower95_usd, upper95_usd, model_name, backtest_mape, history_days, interval_scale, status, updated_at)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())"
      + " ON CONFLICT (scope, issued_for, horizon_days) DO UPDATE SET expected_usd = EXCLUDED.expected_usd,"
      + " lower80_usd = EXCLUDED.lower80_usd, upper80_usd = EXCLUDED.upper80_usd, lower95_usd = EXCLUDED.lower95_usd,"
      + " upper95_usd = EXCLUDED.upper95_usd, model_name = EXCLUDED.model_name, backtest_mape = EXCLUDED.backtest_mape,"
      + " history_days = EXCLUDED.history_days, interval_scale = EXCLUDED.interval_scale, status = EXCLUDED.status, updated_at = now()";

  public static JdbcStatementBuilder<ForecastHorizonRow> forecastHorizonBinder() {
    return (ps, f) -> {
      int i = 1;
      ps.setString(i++, f.scope);
      ps.setObject(i++, LocalDate.parse(f.issuedFor));
      ps.setInt(i++, f.horizonDays);
      setDouble(ps, i++, f.expectedUsd);
      setDouble(ps, i++, f.lower80Usd);
      setDouble(ps, i++, f.upper80Usd);
      setDouble(ps, i++, f.lower95Usd);
      setDouble(ps, i++, f.upper95Usd);
      ps.setString(i++, f.modelName);
      setDouble(ps, i++, f.backtestMape);
      ps.setInt(i++, f.historyDays);
      setDouble(ps, i++, f.intervalScale);
      ps.setString(i, f.status);
    };
  }

  public static final String DELIVERIES = "INSERT INTO notification_deliveries (alert_id, channel, channel_type, status, attempts,"
      + " http_status, latency_ms, error, sent_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, now())"
      + " ON CONFLICT (alert_id, channel) DO UPDATE SET channel_type = EXCLUDED.channel_type, status = EXCLUDED.status,"
      + " attempts = EXCLUDED.attempts, http_status = EXCLUDED.http_status, latency_ms = EXCLUDED.latency_ms,"
      + " error = EXCLUDED.error, sent_at = EXCLUDED.sent_at, updated_at = now()";

  public static JdbcStatementBuilder<DeliveryRow> deliveryBinder() {
    return (ps, d) -> {
      int i = 1;
      ps.setString(i++, d.alertId);
      ps.setString(i++, d.channel);
      ps.setString(i++, d.channelType);
      ps.setString(i++, d.status);
      ps.setInt(i++, d.attempts);
      if (d.httpStatus == null) ps.setNull(i++, Types.INTEGER); else ps.setInt(i++, d.httpStatus);
      if (d.latencyMs == null) ps.setNull(i++, Types.BIGINT); else ps.setLong(i++, d.latencyMs);
      ps.setString(i++, d.error);
      ps.setObject(i, time(d.sentAt));
    };
  }

  public static final String DEAD_LETTER_COUNTS = "INSERT INTO dead_letter_counts (bucket_start, origin, reason, count, updated_at)"
      + " VALUES (?, ?, ?, ?, now()) ON CONFLICT (bucket_start, origin, reason) DO UPDATE SET count = EXCLUDED.count,"
      + " updated_at = now()";

  public static JdbcStatementBuilder<DeadLetterCountRow> deadLetterCountBinder() {
    return (ps, d) -> {
      ps.setObject(1, time(d.bucketStart));
      ps.setString(2, d.origin);
      ps.setString(3, d.reason);
      ps.setLong(4, d.count);
    };
  }

  static OffsetDateTime time(long epochMillis) {
    return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
  }

  private static OffsetDateTime optionalTime(long epochMillis) {
    return epochMillis == 0 ? null : time(epochMillis);
  }

  private static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
    if (v == null || v.isNaN() || v.isInfinite()) ps.setNull(i, Types.DOUBLE);
    else ps.setDouble(i, v);
  }
}
