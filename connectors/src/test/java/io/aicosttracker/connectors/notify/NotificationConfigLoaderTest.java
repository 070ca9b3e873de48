package io.aicosttracker.connectors.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aicosttracker.connectors.notify.channels.Channels;
import io.aicosttracker.connectors.notify.config.NotificationConfig;
import io.aicosttracker.connectors.notify.config.NotificationConfigLoader;
import io.aicosttracker.connectors.notify.config.RetryPolicy;
import io.aicosttracker.connectors.notify.delivery.TokenBucket;
import io.aicosttracker.connectors.notify.config.RateLimit;
import io.aicosttracker.connectors.notify.testing.TestAlerts;
import io.aicosttracker.core.records.AlertEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notifications section: parsing, validation with clear errors, routing, secrets kept out of messages. */
class NotificationConfigLoaderTest {
  @TempDir Path dir;

  private NotificationConfig load(String name, String text) throws Exception {
    return NotificationConfigLoader.load(Files.writeString(dir.resolve(name), text));
  }

  private static final String YAML = """
      notifications:
        defaults:
          rate_limit: {per_second: 2, burst: 3}
        channels:
          ops-slack: {type: slack, url: {env: SLACK_URL}}
          finops-email:
            type: sendgrid
            api_key: env:SENDGRID_API_KEY
            from: alerts@example.com
            to: finops@example.com
            retry: {max_attempts: 8}
          pager-hook: {type: webhook, url: {env: HOOK_URL}, secret: {env: HOOK_SECRET}}
        routes:
          - match: {kind: [BUDGET_THRESHOLD, BUDGET_FORECAST], min_severity: warning}
            channels: [finops-email]
          - match: {severity: critical, project: [search]}
            channels: [pager-hook, ops-slack]
        budget_channels:
          search-monthly: [ops-slack]
      """;

  @Test
  void loadsYamlWithDefaultsOverridesAndRoutes() throws Exception {
    NotificationConfig cfg = load("n.yaml", YAML);
    assertThat(cfg.channels()).containsOnlyKeys("ops-slack", "finops-email", "pager-hook");
    assertThat(cfg.channel("ops-slack").rateLimit()).isEqualTo(new RateLimit(2, 3));
    assertThat(cfg.channel("finops-email").retry().maxAttempts()).isEqualTo(8);
    assertThat(cfg.channel("finops-email").to()).containsExactly("finops@example.com");
    assertThat(cfg.channel("pager-hook").retry()).isEqualTo(RetryPolicy.DEFAULT);

    AlertEvent warning = TestAlerts.budgetThreshold("a"); // warning, budget search-monthly
    assertThat(cfg.channelsFor(warning)).containsExactly("finops-email", "ops-slack");
    AlertEvent anomaly = TestAlerts.anomaly("b"); // critical, project search, no budget
    assertThat(cfg.channelsFor(anomaly)).containsExactly("ops-slack", "pager-hook");
    AlertEvent info = TestAlerts.base("c", AlertEvent.BUDGET_FORECAST, AlertEvent.SEVERITY_INFO);
    assertThat(cfg.channelsFor(info)).isEmpty();
    assertThat(cfg.withBudgetChannels(Map.of("search-monthly", List.of("pager-hook"))).channelsFor(warning))
        .containsExactly("finops-email", "ops-slack", "pager-hook");
  }

  @Test
  void loadsTheSectionFromJsonAtTopLevel() throws Exception {
    NotificationConfig cfg = load("n.json",
        "{\"channels\":{\"d\":{\"type\":\"discord\",\"url\":{\"file\":\"/run/secrets/discord\"}}},\"routes\":[{\"match\":{},\"channels\":[\"d\"]}]}");
    assertThat(cfg.channel("d").url()).isEqualTo(SecretRef.file("/run/secrets/discord"));
    assertThat(cfg.channelsFor(TestAlerts.anomaly("x"))).containsExactly("d");
    assertThat(cfg.channel("d").rateLimit()).isEqualTo(RateLimit.DEFAULT);
  }

  @Test
  void inlineSecretsAreRejectedWithoutEchoingThem() throws Exception {
    assertThatThrownBy(() -> load("n.yaml", "channels:\n  s: {type: slack, url: \"https://hooks.slack.com/services/T1/B1/XYZSECRET\"}\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("notifications.channels.s.url: must be {env: NAME} or {file: PATH}")
        .hasMessageNotContaining("XYZSECRET");
  }

  @Test
  void mistakesNameTheirPath() {
    assertThatThrownBy(() -> load("a.yaml", "channels:\n  s: {type: slak, url: {env: X}}\n"))
        .hasMessageContaining("notifications.channels.s.type: unknown channel type 'slak'");
    assertThatThrownBy(() -> load("b.yaml", "channels:\n  s: {type: slack, url: {env: X}, urll: 1}\n"))
        .hasMessageContaining("notifications.channels.s.urll: unknown key");
    assertThatThrownBy(() -> load("c.yaml", "channels:\n  s: {type: slack, url: {env: X}}\nroutes:\n  - {match: {}, channels: [t]}\n"))
        .hasMessageContaining("route names unknown channel 't'");
    assertThatThrownBy(() -> load("d.yaml", "channels:\n  h: {type: webhook, url: {env: X}}\n"))
        .hasMessageContaining("notifications.channels.h.secret: required for a webhook channel");
    assertThatThrownBy(() -> load("e.yaml", "defaults: {retry: {max_attempts: 0}}\n"))
        .hasMessageContaining("max_attempts");
    assertThatThrownBy(() -> load("f.yaml", "routes:\n  - {match: {severity: urgent}, channels: [x]}\n"))
        .hasMessageContaining("unknown severity 'urgent'");
  }

  @Test
  void webhookUrlsMustBeHttpsUnlessAllowedAndErrorsNeverShowTheUrl() throws Exception {
    Path url = Files.writeString(dir.resolve("url"), "http://hooks.example.com/T1/TOKEN123");
    NotificationConfig cfg = load("n.yaml", "channels:\n  s: {type: slack, url: {file: " + url + "}}\n");
    assertThatThrownBy(() -> Channels.create(cfg.channel("s")))
        .hasMessageContaining("channel s: webhook URL (Secret(file:" + url + ")=****) must use https")
        .hasMessageNotContaining("TOKEN123");
    NotificationConfig allowed = load("m.yaml", "channels:\n  s: {type: slack, url: {file: " + url + "}, allow_insecure_http: true}\n");
    assertThat(Channels.create(allowed.channel("s"))).isNotNull();
    NotificationConfig env = load("o.yaml", "channels:\n  s: {type: slack, url: {env: NOT_SET_ANYWHERE_7}}\n");
    assertThatThrownBy(() -> Channels.create(env.channel("s"), k -> null))
        .hasMessage("channel s: environment variable NOT_SET_ANYWHERE_7 is not set");
  }

  @Test
  void secretsPrintMasked() {
    Secret s = SecretRef.env("K").resolve(Map.of("K", "sk-live-abc")::get);
    assertThat(s.toString()).isEqualTo("Secret(env:K)=****").doesNotContain("sk-live");
    assertThat(s.scrub("auth failed for sk-live-abc")).isEqualTo("auth failed for ****");
  }

  @Test
  void backoffGrowsExponentiallyWithJitterAndHonoursRetryAfter() {
    RetryPolicy p = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(1000), 2.0, 0.2);
    assertThat(p.delayAfter(1, null, 0.5)).isEqualTo(Duration.ofMillis(100));
    assertThat(p.delayAfter(3, null, 0.5)).isEqualTo(Duration.ofMillis(400));
    assertThat(p.delayAfter(10, null, 0.5)).isEqualTo(Duration.ofMillis(1000));
    assertThat(p.delayAfter(2, null, 0.0)).isEqualTo(Duration.ofMillis(160));
    assertThat(p.delayAfter(2, null, 0.999)).isBetween(Duration.ofMillis(239), Duration.ofMillis(240));
    assertThat(p.delayAfter(1, Duration.ofSeconds(3), 0.5)).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void tokenBucketAllowsTheBurstThenTheRate() {
    TokenBucket b = new TokenBucket(new RateLimit(1.0, 5), 0);
    for (int i = 0; i < 5; i++) assertThat(b.reserve(0)).isZero();
    assertThat(b.reserve(0)).isEqualTo(1_000_000_000L);
    assertThat(b.reserve(0)).isEqualTo(2_000_000_000L);
    // after 10 s idle the bucket holds at most the burst again (minus the two reserved ahead)
    assertThat(b.reserve(10_000_000_000L)).isZero();
  }
}
