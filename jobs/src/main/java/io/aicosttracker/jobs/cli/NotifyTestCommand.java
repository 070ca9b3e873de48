package io.aicosttracker.jobs.cli;

import io.aicosttracker.connectors.notify.channels.Channels;
import io.aicosttracker.connectors.notify.config.ChannelConfig;
import io.aicosttracker.connectors.notify.config.NotificationConfig;
import io.aicosttracker.connectors.notify.config.NotificationConfigLoader;
import io.aicosttracker.connectors.notify.delivery.ChannelDispatcher;
import io.aicosttracker.connectors.notify.delivery.DeliveryListener;
import io.aicosttracker.connectors.notify.delivery.NotificationDelivery;
import io.aicosttracker.connectors.notify.message.AlertTemplates;
import io.aicosttracker.core.records.AlertEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cost-tracker notify-test --channel NAME}: sends one clearly marked test alert through a
 * configured channel, with the channel's rate limit and retries, and prints every attempt.
 */
@Command(name = "notify-test", mixinStandardHelpOptions = true,
    description = "Send a clearly marked test message through one configured notification channel and report the result.")
public final class NotifyTestCommand implements Callable<Integer> {
  @Option(names = "--channel", required = true, description = "Channel name from the notifications section.")
  String channel;

  @Option(names = "--config", defaultValue = "notifications.yaml",
      description = "YAML or JSON file with a notifications section (default ${DEFAULT-VALUE}).")
  Path config;

  @Override
  public Integer call() throws Exception {
    NotificationConfig cfg = NotificationConfigLoader.load(config);
    ChannelConfig c = cfg.channel(channel);
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    ChannelDispatcher dispatcher = new ChannelDispatcher(c.name(), c.type().configName(), Channels.create(c), c.rateLimit(), c.retry(),
        1, cfg.deliveryTimeout(), scheduler, DeliveryListener.NONE);
    try {
      AlertEvent alert = testAlert();
      List<NotificationDelivery> log = dispatcher
          .deliver(new AlertTemplates(cfg.templates(), cfg.linkTemplate()).render(alert, true))
          .get(cfg.deliveryTimeout().toMillis() + 60_000, TimeUnit.MILLISECONDS);
      for (NotificationDelivery d : log) {
        System.out.printf("attempt %d: %s%s after %d ms%s%n", d.attempt, d.status,
            d.httpStatus > 0 ? " (HTTP " + d.httpStatus + ")" : "", d.latencyMs, d.error == null ? "" : ": " + d.error);
      }
      NotificationDelivery last = log.get(log.size() - 1);
      if (NotificationDelivery.SENT.equals(last.status)) {
        System.out.printf("test message %s sent to channel %s (%s)%n", alert.alertId, c.name(), c.type().configName());
        return 0;
      }
      System.err.printf("error: test message to channel %s (%s) failed after %d attempt(s): %s%n",
          c.name(), c.type().configName(), last.attempt, last.error);
      return 1;
    } finally {
      dispatcher.close();
      scheduler.shutdownNow();
    }
  }

  static AlertEvent testAlert() {
    AlertEvent a = new AlertEvent();
    a.alertId = "notify-test-" + UUID.randomUUID();
    a.kind = AlertEvent.SYSTEM;
    a.severity = AlertEvent.SEVERITY_INFO;
    a.scope = "all";
    a.eventTime = System.currentTimeMillis();
    a.message = "Test notification from AI Cost Tracker: this channel is configured correctly.";
    return a;
  }
}
