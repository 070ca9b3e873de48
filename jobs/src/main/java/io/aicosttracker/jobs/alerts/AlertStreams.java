package io.aicosttracker.jobs.alerts;

import io.aicosttracker.core.records.AlertEvent;
import io.aicosttracker.core.records.BudgetStatus;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * What the alert stage produces: all alert events (budgets, anomalies, unpriced usage) and the
 * budget statuses; null when no budget is configured.
 */
public record AlertStreams(DataStream<AlertEvent> alerts, DataStream<BudgetStatus> budgetStatus) {}
