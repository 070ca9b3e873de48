package io.aicosttracker.connectors.notify.delivery;

/**
 * One line of the delivery log: the outcome of one attempt to send an alert to a channel (or a
 * skipped duplicate). Mutable Flink POJO; the {@code notification_deliveries} table has the same
 * columns.
 */
public class NotificationDelivery {
  public static final String SENT = "sent";
  /** This attempt failed and another one is scheduled. */
  public static final String RETRYING = "retrying";
  /** The last attempt failed; the delivery went to the dead letters. */
  public static final String FAILED = "failed";
  /** (alert_id, channel) was already delivered or is in flight: nothing sent. */
  public static final String DUPLICATE = "duplicate_skipped";

  public String alertId;
  public String channel;
  public String channelType;
  public String kind;
  public String severity;
  public String status;
  /** 1-based attempt number (0 for a skipped duplicate). */
  public int attempt;
  /** HTTP status of the answer, 0 when there was none (refused, timed out). */
  public int httpStatus;
  /** From the delivery's dispatch to the end of this attempt. */
  public long latencyMs;
  public String error;
  /** When this attempt ended, epoch millis. */
  public long timestamp;

  public NotificationDelivery() {}

  @Override
  public String toString() {
    return "NotificationDelivery{" + alertId + " -> " + channel + " " + status + " #" + attempt + " " + latencyMs + "ms"
        + (error == null ? "" : " " + error) + "}";
  }
}
