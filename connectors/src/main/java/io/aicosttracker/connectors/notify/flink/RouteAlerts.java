package io.aicosttracker.connectors.notify.flink;

import io.aicosttracker.connectors.notify.config.NotificationConfig;
import io.aicosttracker.core.records.AlertEvent;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns each alert into one {@link DeliveryRequest} per channel its routes and budget name. */
public final class RouteAlerts implements FlatMapFunction<AlertEvent, DeliveryRequest> {
  private static final Logger LOG = LoggerFactory.getLogger(RouteAlerts.class);
  private final NotificationConfig config;

  public RouteAlerts(NotificationConfig config) {
    this.config = config;
  }

  @Override
  public void flatMap(AlertEvent alert, Collector<DeliveryRequest> out) {
    if (alert.alertId == null || alert.alertId.isBlank()) {
      // without an id there is no dedupe key; an alert producer bug, not a reason to stop the job
      LOG.warn("alert without alert_id not notified: {}", alert);
      return;
    }
    for (String channel : config.channelsFor(alert)) out.collect(new DeliveryRequest(alert, channel));
  }
}
