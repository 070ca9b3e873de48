package io.aicosttracker.connectors.notify.delivery;

import io.aicosttracker.connectors.notify.NotificationChannel;
import io.aicosttracker.connectors.notify.channels.Channels;
import io.aicosttracker.connectors.notify.config.ChannelConfig;
import io.aicosttracker.connectors.notify.config.NotificationConfig;
import io.aicosttracker.connectors.notify.message.AlertMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/** One {@link ChannelDispatcher} per configured channel, sharing one scheduler thread for waits. */
public final class NotificationDispatcher implements AutoCloseable {
  private final ScheduledExecutorService scheduler;
  private final Map<String, ChannelDispatcher> channels = new LinkedHashMap<>();

  /** Builds every configured channel, resolving secrets from {@code env} and files. */
  public static NotificationDispatcher create(NotificationConfig config, Function<String, String> env, DeliveryListener listener) {
    return new NotificationDispatcher(config, c -> Channels.create(c, env), listener);
  }

  /** Builds channels with {@code factory} (tests use it to wrap channels). */
  public NotificationDispatcher(NotificationConfig config, ChannelFactory factory, DeliveryListener listener) {
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "notify-scheduler");
      t.setDaemon(true);
      return t;
    });
    try {
      for (ChannelConfig c : config.channels().values()) {
        channels.put(c.name(), new ChannelDispatcher(
            c.name(), c.type().configName(), factory.create(c), c.rateLimit(), c.retry(), c.concurrency(),
            config.deliveryTimeout(), scheduler, listener));
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Builds a channel from its configuration. */
  @FunctionalInterface
  public interface ChannelFactory {
    NotificationChannel create(ChannelConfig config);
  }

  public CompletableFuture<List<NotificationDelivery>> deliver(String channel, AlertMessage message) {
    ChannelDispatcher d = channels.get(channel);
    if (d == null) throw new IllegalArgumentException("no channel named '" + channel + "'");
    return d.deliver(message);
  }

  @Override
  public void close() {
    channels.values().forEach(ChannelDispatcher::close);
    scheduler.shutdownNow();
  }
}
