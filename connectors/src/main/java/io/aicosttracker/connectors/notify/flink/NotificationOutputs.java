package io.aicosttracker.connectors.notify.flink;

import io.aicosttracker.connectors.notify.delivery.NotificationDelivery;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * What the notification stage produces: the delivery log (every attempt and skipped duplicate; the
 * {@code notification_deliveries} table's rows) and the dead letters.
 */
public record NotificationOutputs(DataStream<NotificationDelivery> deliveries, DataStream<NotificationDeadLetter> deadLetters) {}
