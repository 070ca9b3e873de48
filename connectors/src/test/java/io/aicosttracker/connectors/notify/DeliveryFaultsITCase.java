package io.aicosttracker.connectors.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.aicosttracker.connectors.notify.config.NotificationConfig;
import io.aicosttracker.connectors.notify.delivery.DeliveryListener;
import io.aicosttracker.connectors.notify.delivery.NotificationDelivery;
import io.aicosttracker.connectors.notify.delivery.NotificationDispatcher;
import io.aicosttracker.connectors.notify.message.AlertTemplates;
import io.aicosttracker.connectors.notify.testing.RecordingHttpServer;
import io.aicosttracker.connectors.notify.testing.RecordingHttpServer.Received;
import io.aicosttracker.connectors.notify.testing.RecordingHttpServer.Reply;
import io.aicosttracker.connectors.notify.testing.TestAlerts;
import io.aicosttracker.connectors.notify.testing.TestConfigs;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fault injection against a real local server: 5xx, 429 with Retry-After, timeouts, refused connections, a slow endpoint, rate limits. */
class DeliveryFaultsITCase {
  private static RecordingHttpServer server;
  private NotificationDispatcher dispatcher;
  private AlertTemplates templates;
  private final AtomicInteger retried = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicInteger sent = new AtomicInteger();

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    server = new RecordingHttpServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void reset() {
    if (dispatcher != null) dispatcher.close();
    server.reset();
  }

  private void configure(String defaults, String extraChannels) throws Exception {
    NotificationConfig cfg = TestConfigs.allChannels(dir, server.port(), defaults, extraChannels);
    templates = new AlertTemplates(cfg.templates(), cfg.linkTemplate());
    dispatcher = NotificationDispatcher.create(cfg, System::getenv, new DeliveryListener() {
      @Override
      public void sent(String channel) {
        sent.incrementAndGet();
      }

      @Override
      public void retried(String channel) {
        retried.incrementAndGet();
      }

      @Override
      public void failed(String channel) {
        failed.incrementAndGet();
      }
    });
  }

  private List<NotificationDelivery> deliver(String channel, String alertId) throws Exception {
    return dispatcher.deliver(channel, templates.render(TestAlerts.budgetThreshold(alertId), false)).get(20, TimeUnit.SECONDS);
  }

  private static long gapMs(Received a, Received b) {
    return (b.atNanos() - a.atNanos()) / 1_000_000;
  }

  @Test
  void serverErrorsAreRetriedWithExponentialSpacing() throws Exception {
    configure(TestConfigs.fastDefaults(5), null);
    AtomicInteger calls = new AtomicInteger();
    server.behave(r -> calls.incrementAndGet() <= 2 ? Reply.status(503) : Reply.ok());
    List<NotificationDelivery> log = deliver("hook", "a-500");
    assertThat(log).extracting(d -> d.status).containsExactly("retrying", "retrying", "sent");
    assertThat(log).extracting(d -> d.attempt).containsExactly(1, 2, 3);
    assertThat(log.get(0).httpStatus).isEqualTo(503);
    assertThat(log.get(0).error).startsWith("HTTP 503");
    List<Received> got = server.received();
    assertThat(got).hasSize(3);
    // backoff 100 ms then 200 ms (multiplier 2, jitter 0 in the test config)
    assertThat(gapMs(got.get(0), got.get(1))).isBetween(95L, 400L);
    assertThat(gapMs(got.get(1), got.get(2))).isBetween(195L, 600L);
    assertThat(retried.get()).isEqualTo(2);
    assertThat(sent.get()).isEqualTo(1);
  }

  @Test
  void tooManyRequestsWaitsForRetryAfter() throws Exception {
    configure(TestConfigs.fastDefaults(3), null);
    AtomicInteger calls = new AtomicInteger();
    server.behave(r -> calls.incrementAndGet() == 1 ? new Reply(429, Map.of("Retry-After", "1"), "slow down", 0) : Reply.ok());
    List<NotificationDelivery> log = deliver("slack", "a-429");
    assertThat(log).extracting(d -> d.status).containsExactly("retrying", "sent");
    List<Received> got = server.received();
    // the backoff alone would be 100 ms; Retry-After: 1 is the floor
    assertThat(gapMs(got.get(0), got.get(1))).isBetween(990L, 1600L);
  }

  @Test
  void persistentFailureGivesUpAfterMaxAttemptsWithLastErrorAndNoSecret() throws Exception {
    configure(TestConfigs.fastDefaults(3), null);
    server.behave(r -> new Reply(500, Map.of(), "internal error at /services/T000/B000/slacktoken", 0));
    List<NotificationDelivery> log = deliver("slack", "a-dead");
    assertThat(server.received()).hasSize(3);
    NotificationDelivery last = log.get(log.size() - 1);
    assertThat(last.status).isEqualTo(NotificationDelivery.FAILED);
    assertThat(last.attempt).isEqualTo(3);
    assertThat(last.error).startsWith("HTTP 500").doesNotContain("slacktoken");
    assertThat(failed.get()).isEqualTo(1);
  }

  @Test
  void clientErrorsAreNotRetried() throws Exception {
    configure(TestConfigs.fastDefaults(5), null);
    server.behave(r -> new Reply(400, Map.of(), "invalid_payload", 0));
    List<NotificationDelivery> log = deliver("slack", "a-400");
    assertThat(log).extracting(d -> d.status).containsExactly("failed");
    assertThat(log.get(0).error).isEqualTo("HTTP 400: invalid_payload");
  }

  @Test
  void timeoutsAreRetriedThenDeadLettered() throws Exception {
    configure("    retry: {max_attempts: 2, initial_backoff_ms: 50, max_backoff_ms: 50, jitter: 0.0}\n    timeout_ms: 300\n", null);
    server.behave(r -> new Reply(200, Map.of(), "late", 1500));
    long t0 = System.nanoTime();
    List<NotificationDelivery> log = deliver("teams", "a-timeout");
    long tookMs = (System.nanoTime() - t0) / 1_000_000;
    assertThat(log).extracting(d -> d.status).containsExactly("retrying", "failed");
    assertThat(log.get(1).error).isEqualTo("timed out after 300 ms");
    assertThat(log.get(1).httpStatus).isZero();
    assertThat(tookMs).isBetween(600L, 1400L);
  }

  @Test
  void connectionRefusedIsRetriedAndReportedWithoutTheUrl() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    Path url = Files.writeString(dir.resolve("dead.url"), "http://127.0.0.1:" + closedPort + "/services/secret-path-token");
    configure(TestConfigs.fastDefaults(3), "    nowhere:\n      type: slack\n      url: {file: " + url + "}\n");
    List<NotificationDelivery> log = deliver("nowhere", "a-refused");
    assertThat(log).extracting(d -> d.status).containsExactly("retrying", "retrying", "failed");
    assertThat(log.get(2).error).contains("connection refused").doesNotContain("secret-path-token");
  }

  @Test
  void aSlowEndpointDoesNotDelayOtherChannels() throws Exception {
    configure(TestConfigs.fastDefaults(3), null);
    server.behave(r -> r.path().startsWith("/services/") ? new Reply(200, Map.of(), "ok", 1500) : Reply.ok());
    long t0 = System.nanoTime();
    List<CompletableFuture<List<NotificationDelivery>>> slow = new ArrayList<>();
    List<CompletableFuture<List<NotificationDelivery>>> fast = new ArrayList<>();
    for (int i = 0; i < 8; i++) slow.add(dispatcher.deliver("slack", templates.render(TestAlerts.budgetThreshold("s" + i), false)));
    for (int i = 0; i < 8; i++) fast.add(dispatcher.deliver("discord", templates.render(TestAlerts.budgetThreshold("f" + i), false)));
    CompletableFuture.allOf(fast.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
    long fastDoneMs = (System.nanoTime() - t0) / 1_000_000;
    assertThat(slow).noneMatch(CompletableFuture::isDone);
    CompletableFuture.allOf(slow.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
    long slowDoneMs = (System.nanoTime() - t0) / 1_000_000;
    assertThat(fastDoneMs).isLessThan(700L);
    // 8 slow requests on the channel's 4 sender threads: two rounds of 1.5 s
    assertThat(slowDoneMs).isGreaterThanOrEqualTo(3000L);
    for (var f : fast) assertThat(f.get().get(0).status).isEqualTo("sent");
  }

  @Test
  void tokenBucketSpacesABurstAtTheSustainedRate() throws Exception {
    configure("    rate_limit: {per_second: 10, burst: 2}\n    retry: {max_attempts: 1}\n", null);
    List<CompletableFuture<List<NotificationDelivery>>> all = new ArrayList<>();
    for (int i = 0; i < 6; i++) all.add(dispatcher.deliver("hook", templates.render(TestAlerts.budgetThreshold("r" + i), false)));
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
    List<Long> at = server.received().stream().map(Received::atNanos).sorted().toList();
    assertThat(at).hasSize(6);
    long spanMs = (at.get(5) - at.get(0)) / 1_000_000;
    // 2 at once from the burst, then one every 100 ms: the 6th about 400 ms after the first
    assertThat(spanMs).isBetween(330L, 800L);
    assertThat((at.get(1) - at.get(0)) / 1_000_000).isLessThan(80L);
  }
}
