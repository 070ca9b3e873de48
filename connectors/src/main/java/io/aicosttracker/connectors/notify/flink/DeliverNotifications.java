package io.aicosttracker.connectors.notify.flink;

import io.aicosttracker.connectors.notify.config.NotificationConfig;
import io.aicosttracker.connectors.notify.delivery.DeliveryListener;
import io.aicosttracker.connectors.notify.delivery.NotificationDelivery;
import io.aicosttracker.connectors.notify.delivery.NotificationDispatcher;
import io.aicosttracker.connectors.notify.message.AlertTemplates;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * Sends each claimed request through its channel's dispatcher without blocking the task thread
 * (Flink async I/O); emits every attempt's log record when the delivery finishes.
 *
 * <p>Metrics per channel under {@code notifications.channel.<name>}: {@code sent}, {@code failed},
 * {@code retried}. Secrets are resolved here, on the task manager, from the environment or files.
 */
public final class DeliverNotifications extends RichAsyncFunction<DeliveryRequest, DeliveryOutcome> {
  private final NotificationConfig config;
  private transient NotificationDispatcher dispatcher;
  private transient AlertTemplates templates;

  public DeliverNotifications(NotificationConfig config) {
    this.config = config;
  }

  @Override
  public void open(OpenContext ctx) {
    templates = new AlertTemplates(config.templates(), config.linkTemplate());
    dispatcher = NotificationDispatcher.create(config, System::getenv, new MetricsListener(getRuntimeContext().getMetricGroup().addGroup("notifications")));
  }

  @Override
  public void asyncInvoke(DeliveryRequest req, ResultFuture<DeliveryOutcome> resultFuture) {
    dispatcher.deliver(req.channel, templates.render(req.alert, false)).whenComplete((records, error) -> {
      if (error != null) {
        resultFuture.complete(Collections.singletonList(failure(req, "internal error: " + error.getClass().getSimpleName())));
        return;
      }
      List<DeliveryOutcome> out = new ArrayList<>(records.size());
      for (NotificationDelivery r : records) {
        out.add(new DeliveryOutcome(r, NotificationDelivery.FAILED.equals(r.status) ? req.alert : null));
      }
      resultFuture.complete(out);
    });
  }

  /** The async operator's backstop: a delivery still running after its timeout is dead-lettered, the job goes on. */
  @Override
  public void timeout(DeliveryRequest req, ResultFuture<DeliveryOutcome> resultFuture) {
    resultFuture.complete(Collections.singletonList(failure(req, "no outcome within the async timeout")));
  }

  private DeliveryOutcome failure(DeliveryRequest req, String error) {
    NotificationDelivery r = new NotificationDelivery();
    r.alertId = req.alert.alertId;
    r.channel = req.channel;
    r.channelType = config.channel(req.channel).type().configName();
    r.kind = req.alert.kind;
    r.severity = req.alert.severity;
    r.status = NotificationDelivery.FAILED;
    r.error = error;
    r.timestamp = System.currentTimeMillis();
    return new DeliveryOutcome(r, req.alert);
  }

  @Override
  public void close() {
    if (dispatcher != null) dispatcher.close();
  }

  /** Flink counters per channel; thread-safe because sender threads update them. */
  private static final class MetricsListener implements DeliveryListener {
    private final MetricGroup group;
    private final Map<String, Counter[]> counters = new ConcurrentHashMap<>();

    MetricsListener(MetricGroup group) {
      this.group = group;
    }

    private Counter[] of(String channel) {
      return counters.computeIfAbsent(channel, c -> {
        MetricGroup g = group.addGroup("channel", c);
        return new Counter[] {g.counter("sent", new AdderCounter()), g.counter("failed", new AdderCounter()), g.counter("retried", new AdderCounter())};
      });
    }

    @Override
    public void sent(String channel) {
      of(channel)[0].inc();
    }

    @Override
    public void failed(String channel) {
      of(channel)[1].inc();
    }

    @Override
    public void retried(String channel) {
      of(channel)[2].inc();
    }
  }

  /** A {@link Counter} safe to increment from several threads. */
  private static final class AdderCounter implements Counter {
    private final LongAdder n = new LongAdder();

    @Override
    public void inc() {
      n.increment();
    }

    @Override
    public void inc(long by) {
      n.add(by);
    }

    @Override
    public void dec() {
      n.decrement();
    }

    @Override
    public void dec(long by) {
      n.add(-by);
    }

    @Override
    public long getCount() {
      return n.sum();
    }
  }
}
