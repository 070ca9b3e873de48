package io.aicosttracker.connectors.jdbc;

/** The outcome of sending one alert to one channel, a row of {@code notification_deliveries}. */
public class DeliveryRow {
  public String alertId;
  /** Configured channel name, e.g. {@code slack-finops}. */
  public String channel;
  /** email, slack, discord, teams or webhook. */
  public String channelType;
  /** sent, failed, dead_letter, rate_limited or deduplicated. */
  public String status;
  public int attempts = 1;
  public Integer httpStatus;
  public Long latencyMs;
  /** Last error, secrets already masked by the sender. */
  public String error;
  /** When the final attempt answered, epoch millis. */
  public long sentAt;

  public DeliveryRow() {}
}
