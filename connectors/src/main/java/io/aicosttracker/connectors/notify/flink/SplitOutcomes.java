package io.aicosttracker.connectors.notify.flink;

import io.aicosttracker.connectors.notify.delivery.NotificationDelivery;
import io.aicosttracker.connectors.notify.message.AlertJson;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/** Emits every attempt's log record and sends final failures, with their alert, to the dead letters. */
public final class SplitOutcomes extends ProcessFunction<DeliveryOutcome, NotificationDelivery> {
  public static final OutputTag<NotificationDeadLetter> DEAD_LETTERS = new OutputTag<>("notification-dead-letters") {};

  @Override
  public void processElement(DeliveryOutcome o, Context ctx, Collector<NotificationDelivery> out) {
    out.collect(o.delivery);
    if (o.failedAlert != null) {
      NotificationDeadLetter d = new NotificationDeadLetter();
      d.alertId = o.delivery.alertId;
      d.channel = o.delivery.channel;
      d.attempts = o.delivery.attempt;
      d.lastError = o.delivery.error;
      d.failedAt = o.delivery.timestamp;
      d.alertJson = AlertJson.toNode(o.failedAlert).toString();
      ctx.output(DEAD_LETTERS, d);
    }
  }
}
