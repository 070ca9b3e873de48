package io.aicosttracker.connectors.notify.delivery;

/** Counts delivery outcomes per channel (Flink metrics in jobs, plain counters in the CLI). */
public interface DeliveryListener {
  DeliveryListener NONE = new DeliveryListener() {};

  default void sent(String channel) {}

  default void retried(String channel) {}

  default void failed(String channel) {}
}
