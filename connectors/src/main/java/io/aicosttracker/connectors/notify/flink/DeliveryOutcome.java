package io.aicosttracker.connectors.notify.flink;

import io.aicosttracker.connectors.notify.delivery.NotificationDelivery;
import io.aicosttracker.core.records.AlertEvent;

/** One attempt's log record, plus the alert when it was the final failure (for the dead letter). Flink POJO. */
public class DeliveryOutcome {
  public NotificationDelivery delivery;
  /** Set only on a final failure. */
  public AlertEvent failedAlert;

  public DeliveryOutcome() {}

  public DeliveryOutcome(NotificationDelivery delivery, AlertEvent failedAlert) {
    this.delivery = delivery;
    this.failedAlert = failedAlert;
  }
}
