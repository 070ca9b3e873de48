package io.aicosttracker.connectors.notify.flink;

import io.aicosttracker.core.records.AlertEvent;

/** An alert routed to one channel; keyed by {@link #dedupeKey()} for the once-per-channel guarantee. Flink POJO. */
public class DeliveryRequest {
  public AlertEvent alert;
  public String channel;

  public DeliveryRequest() {}

  public DeliveryRequest(AlertEvent alert, String channel) {
    this.alert = alert;
    this.channel = channel;
  }

  public String dedupeKey() {
    return alert.alertId + "\u0001" + channel;
  }
}
