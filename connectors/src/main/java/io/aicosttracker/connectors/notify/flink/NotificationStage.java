package io.aicosttracker.connectors.notify.flink;

import io.aicosttracker.connectors.notify.config.ChannelConfig;
import io.aicosttracker.connectors.notify.config.NotificationConfig;
import io.aicosttracker.connectors.notify.delivery.NotificationDelivery;
import io.aicosttracker.connectors.sink.TextFileSinks;
import io.aicosttracker.core.records.AlertEvent;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The notification sink, attached to a stream of alerts in the streaming or the batch job:
 *
 * <pre>
 * alerts -> route (kind, severity, project, budget -> channels)
 *        -> keyBy (alert_id, channel) -> claim once (keyed state, TTL)   -> duplicate_skipped records
 *        -> async delivery (unordered, bounded in flight; per-channel rate limit, retries)
 *        -> delivery log + dead letters
 * </pre>
 *
 * <p>Why Flink async I/O rather than a Sink V2 writer: the once-per-channel claim needs keyed
 * state (a writer's state is redistributed arbitrarily on rescale, so it cannot hold a per-key
 * claim), the delivery log must be a stream other sinks (files, PostgreSQL) attach to, and the
 * async operator checkpoints its in-flight requests and re-sends them after a restore, so nothing
 * claimed is lost. Alerts are few, so the operators flush every record (buffer timeout 0) rather
 * than batch them.
 *
 * <pre>{@code
 * NotificationOutputs out = NotificationStage.attach(alerts, NotificationConfigLoader.load(path), outDir);
 * out.deliveries().sinkTo(jdbcSink);  // e.g. notification_deliveries
 * }</pre>
 */
public final class NotificationStage {
  public static final String DELIVERIES_DIR = "notification-deliveries";
  public static final String DEAD_LETTERS_DIR = "notification-dead-letters";

  private NotificationStage() {}

  /**
   * Attaches the stage; when {@code outDir} is not null also writes the delivery log and dead
   * letters there as JSON lines ({@value #DELIVERIES_DIR}/, {@value #DEAD_LETTERS_DIR}/).
   */
  public static NotificationOutputs attach(DataStream<AlertEvent> alerts, NotificationConfig cfg, Path outDir) {
    SingleOutputStreamOperator<DeliveryRequest> routed = alerts
        .flatMap(new RouteAlerts(cfg))
        .uid("notify-route")
        .name("notify: route alerts");
    SingleOutputStreamOperator<DeliveryRequest> claimed = routed
        .keyBy(DeliveryRequest::dedupeKey)
        .process(new ClaimDeliveryOnce(cfg.dedupeTtl()))
        .uid("notify-claim-once")
        .name("notify: once per (alert_id, channel)");
    SingleOutputStreamOperator<DeliveryOutcome> outcomes = AsyncDataStream
        .unorderedWait(claimed, new DeliverNotifications(cfg), asyncTimeoutMs(cfg), TimeUnit.MILLISECONDS, cfg.maxInFlight())
        .uid("notify-deliver")
        .name("notify: deliver");
    SingleOutputStreamOperator<NotificationDelivery> attempts = outcomes
        .process(new SplitOutcomes())
        .uid("notify-split-outcomes")
        .name("notify: delivery log and dead letters");
    DataStream<NotificationDelivery> log = attempts.union(claimed.getSideOutput(ClaimDeliveryOnce.DUPLICATES));
    DataStream<NotificationDeadLetter> dead = attempts.getSideOutput(SplitOutcomes.DEAD_LETTERS);
    if (outDir != null) {
      log.sinkTo(TextFileSinks.jsonLines(outDir.resolve(DELIVERIES_DIR), NotificationJson::writeDelivery))
          .uid("sink-notification-deliveries")
          .name("notification-deliveries files");
      dead.sinkTo(TextFileSinks.jsonLines(outDir.resolve(DEAD_LETTERS_DIR), NotificationJson::writeDeadLetter))
          .uid("sink-notification-dead-letters")
          .name("notification-dead-letters files");
    }
    return new NotificationOutputs(log, dead);
  }

  /** The backstop beyond the dispatcher's own delivery timeout: one more attempt's timeout and a margin. */
  static long asyncTimeoutMs(NotificationConfig cfg) {
    long attempt = cfg.channels().values().stream().mapToLong(c -> c.timeout().toMillis()).max().orElse(10_000);
    return cfg.deliveryTimeout().toMillis() + attempt + 30_000;
  }

  static String channelType(NotificationConfig cfg, String channel) {
    ChannelConfig c = cfg.channels().get(channel);
    return c == null ? null : c.type().configName();
  }
}
