package io.aicosttracker.jobs.alerts;

import io.aicosttracker.core.forecast.Forecast;
import io.aicosttracker.core.records.AlertEvent;
import io.aicosttracker.core.records.BudgetStatus;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * What the alert stage produces: all alert events (budgets, anomalies, unpriced usage), the
 * budget statuses and the forecasts of the budget scopes ({@code budget:ID}); the latter two are
 * null when no budget is configured (forecasts also when budget forecasts are off).
 */
public record AlertStreams(DataStream<AlertEvent> alerts, DataStream<BudgetStatus> budgetStatus, DataStream<Forecast> budgetForecasts) {
  public AlertStreams(DataStream<AlertEvent> alerts, DataStream<BudgetStatus> budgetStatus) {
    this(alerts, budgetStatus, null);
  }
}
