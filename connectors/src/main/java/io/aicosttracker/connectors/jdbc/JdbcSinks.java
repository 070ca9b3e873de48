package io.aicosttracker.connectors.jdbc;

import io.aicosttracker.core.records.AlertEvent;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;

/**
 * Upsert sinks into the PostgreSQL tables of {@code sql/} (flink-connector-jdbc {@link JdbcSink},
 * at-least-once: with upserts a re-sent batch rewrites the same rows, so the result is exact).
 *
 * <pre>{@code
 * JdbcSinks sinks = new JdbcSinks(JdbcSettings.fromEnvironment(url, "costs", "PGPASSWORD", System::getenv));
 * sinks.alerts(alertStream);
 * sinks.deliveries(deliveryStream);
 * }</pre>
 *
 * <p>Each method attaches one sink with a stable uid ({@code jdbc-<table>}), so call each at most
 * once per job.
 */
public final class JdbcSinks {
  private final JdbcSettings settings;

  public JdbcSinks(JdbcSettings settings) {
    this.settings = settings;
  }

  public DataStreamSink<UsageAggregateRow> usageHourly(DataStream<UsageAggregateRow> rows) {
    return attach(rows, "usage_hourly", UpsertStatements.usage("usage_hourly"), UpsertStatements.<UsageAggregateRow>usageBinder());
  }

  public DataStreamSink<UsageAggregateRow> usageDaily(DataStream<UsageAggregateRow> rows) {
    return attach(rows, "usage_daily", UpsertStatements.usage("usage_daily"), UpsertStatements.<UsageAggregateRow>usageBinder());
  }

  /** Every alert (any kind) into {@code alerts}. */
  public DataStreamSink<AlertEvent> alerts(DataStream<AlertEvent> alerts) {
    return attach(alerts, "alerts", UpsertStatements.ALERTS, UpsertStatements.alertBinder());
  }

  /** The {@code COST_ANOMALY} alerts of the stream into {@code anomalies}; other kinds are skipped. */
  public DataStreamSink<AlertEvent> anomalies(DataStream<AlertEvent> alerts) {
    DataStream<AlertEvent> anomalies = alerts
        .filter(a -> AlertEvent.COST_ANOMALY.equals(a.kind))
        .uid("jdbc-anomalies-filter")
        .name("cost anomalies only");
    return attach(anomalies, "anomalies", UpsertStatements.ANOMALIES, UpsertStatements.anomalyBinder());
  }

  public DataStreamSink<BudgetStatusRow> budgetStatus(DataStream<BudgetStatusRow> rows) {
    return attach(rows, "budget_status", UpsertStatements.BUDGET_STATUS, UpsertStatements.budgetStatusBinder());
  }

  public DataStreamSink<ForecastRow> forecasts(DataStream<ForecastRow> rows) {
    return attach(rows, "forecasts", UpsertStatements.FORECASTS, UpsertStatements.forecastBinder());
  }

  public DataStreamSink<ForecastHorizonRow> forecastHorizons(DataStream<ForecastHorizonRow> rows) {
    return attach(rows, "forecast_horizons", UpsertStatements.FORECAST_HORIZONS, UpsertStatements.forecastHorizonBinder());
  }

  public DataStreamSink<DeliveryRow> deliveries(DataStream<DeliveryRow> rows) {
    return attach(rows, "notification_deliveries", UpsertStatements.DELIVERIES, UpsertStatements.deliveryBinder());
  }

  public DataStreamSink<DeadLetterCountRow> deadLetterCounts(DataStream<DeadLetterCountRow> rows) {
    return attach(rows, "dead_letter_counts", UpsertStatements.DEAD_LETTER_COUNTS, UpsertStatements.deadLetterCountBinder());
  }

  /** The sink alone, for callers that wire uids themselves. */
  public <T> JdbcSink<T> sink(String upsertSql, JdbcStatementBuilder<T> binder) {
    return JdbcSink.<T>builder()
        .withQueryStatement(upsertSql, binder)
        .withExecutionOptions(settings.executionOptions())
        .buildAtLeastOnce(settings.connectionOptions());
  }

  private <T> DataStreamSink<T> attach(DataStream<T> stream, String table, String sql, JdbcStatementBuilder<T> binder) {
    return stream.sinkTo(new FailoverSafeJdbcSink<>(sink(sql, binder), table)).uid("jdbc-" + table).name(table + " (PostgreSQL upsert)");
  }
}
