package io.aicosttracker.connectors.notify.flink;

import io.aicosttracker.connectors.notify.delivery.NotificationDelivery;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Lets each (alert_id, channel) through once: the first request claims the key in keyed state and
 * goes on to delivery; later ones (a replay, a re-emitted alert, a restart from an older
 * checkpoint whose claim survived) become {@code duplicate_skipped} log records.
 *
 * <p>Why claim before sending rather than mark after success: the claim and the in-flight request
 * are checkpointed together (the async operator downstream stores its in-flight requests and
 * re-sends them after a restore), so a claimed request is never lost; and a second copy arriving
 * while the first is still in flight is skipped instead of racing it. A delivery that ends in the
 * dead letters stays claimed: it is re-sent from the dead-letter output, not by a replay.
 */
public final class ClaimDeliveryOnce extends KeyedProcessFunction<String, DeliveryRequest, DeliveryRequest> {
  public static final OutputTag<NotificationDelivery> DUPLICATES = new OutputTag<>("notification-duplicates") {};

  private final Duration ttl;
  private transient ValueState<Long> claimedAt;
  private transient Counter duplicates;

  public ClaimDeliveryOnce(Duration ttl) {
    this.ttl = ttl;
  }

  @Override
  public void open(OpenContext ctx) {
    ValueStateDescriptor<Long> d = new ValueStateDescriptor<>("claimed-at", Types.LONG);
    // alert ids carry their period, so a claim only needs to outlive the longest budget period
    d.enableTimeToLive(StateTtlConfig.newBuilder(ttl).setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite).build());
    claimedAt = getRuntimeContext().getState(d);
    duplicates = getRuntimeContext().getMetricGroup().addGroup("notifications").counter("duplicatesSkipped");
  }

  @Override
  public void processElement(DeliveryRequest req, Context ctx, Collector<DeliveryRequest> out) throws Exception {
    if (claimedAt.value() == null) {
      claimedAt.update(System.currentTimeMillis());
      out.collect(req);
      return;
    }
    duplicates.inc();
    NotificationDelivery rec = new NotificationDelivery();
    rec.alertId = req.alert.alertId;
    rec.channel = req.channel;
    rec.kind = req.alert.kind;
    rec.severity = req.alert.severity;
    rec.status = NotificationDelivery.DUPLICATE;
    rec.error = "already claimed at " + java.time.Instant.ofEpochMilli(claimedAt.value());
    rec.timestamp = System.currentTimeMillis();
    ctx.output(DUPLICATES, rec);
  }
}
