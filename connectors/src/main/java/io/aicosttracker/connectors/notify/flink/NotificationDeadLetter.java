package io.aicosttracker.connectors.notify.flink;

/** A delivery that never succeeded: the alert (as JSON), the channel, attempts and the last error. Flink POJO. */
public class NotificationDeadLetter {
  public String alertId;
  public String channel;
  public int attempts;
  public String lastError;
  public long failedAt;
  /** The alert as the webhook would send it, so it can be re-sent by hand. */
  public String alertJson;

  public NotificationDeadLetter() {}
}
