package io.aicosttracker.jobs.functions;

import io.aicosttracker.core.records.AlertEvent;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;

/** Passes alerts through and counts them: {@code alertsEmitted}, and one counter per kind. */
public class CountAlerts extends RichMapFunction<AlertEvent, AlertEvent> {
  private transient Counter emitted;
  private transient Map<String, Counter> byKind;

  @Override
  public void open(OpenContext openContext) {
    emitted = getRuntimeContext().getMetricGroup().counter("alertsEmitted");
    byKind = new HashMap<>();
  }

  @Override
  public AlertEvent map(AlertEvent alert) {
    emitted.inc();
    byKind.computeIfAbsent(String.valueOf(alert.kind), k -> getRuntimeContext().getMetricGroup().addGroup("kind", k).counter("alertsEmitted")).inc();
    return alert;
  }
}
