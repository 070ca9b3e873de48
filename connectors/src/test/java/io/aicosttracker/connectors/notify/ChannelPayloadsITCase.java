package io.aicosttracker.connectors.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aicosttracker.connectors.notify.channels.DiscordChannel;
import io.aicosttracker.connectors.notify.channels.SignedWebhookChannel;
import io.aicosttracker.connectors.notify.config.NotificationConfig;
import io.aicosttracker.connectors.notify.delivery.DeliveryListener;
import io.aicosttracker.connectors.notify.delivery.NotificationDelivery;
import io.aicosttracker.connectors.notify.delivery.NotificationDispatcher;
import io.aicosttracker.connectors.notify.message.AlertTemplates;
import io.aicosttracker.connectors.notify.testing.RecordingHttpServer;
import io.aicosttracker.connectors.notify.testing.RecordingHttpServer.Received;
import io.aicosttracker.connectors.notify.testing.TestAlerts;
import io.aicosttracker.connectors.notify.testing.TestConfigs;
import io.aicosttracker.core.records.AlertEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each channel against a local HTTP server: path, headers and the payload structure the service documents. */
class ChannelPayloadsITCase {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static RecordingHttpServer server;
  private static NotificationConfig config;
  private static NotificationDispatcher dispatcher;
  private static AlertTemplates templates;

  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    server = new RecordingHttpServer();
    config = TestConfigs.allChannels(dir, server.port(), TestConfigs.fastDefaults(3), null);
    dispatcher = NotificationDispatcher.create(config, System::getenv, DeliveryListener.NONE);
    templates = new AlertTemplates(config.templates(), config.linkTemplate());
  }

  @AfterAll
  static void stop() {
    dispatcher.close();
    server.close();
  }

  @BeforeEach
  void reset() {
    server.reset();
  }

  private static Received sendOne(String channel, AlertEvent alert) throws Exception {
    List<NotificationDelivery> log = dispatcher.deliver(channel, templates.render(alert, false)).get(10, TimeUnit.SECONDS);
    assertThat(log).last().extracting(d -> d.status).isEqualTo(NotificationDelivery.SENT);
    assertThat(server.received()).hasSize(1);
    return server.received().get(0);
  }

  @Test
  void sendGridGetsV3MailSendWithBothBodiesAndBearerKey() throws Exception {
    Received r = sendOne("email", TestAlerts.budgetThreshold("bt-1"));
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/v3/mail/send");
    assertThat(r.header("Authorization")).isEqualTo("Bearer " + TestConfigs.SENDGRID_KEY);
    assertThat(r.header("Content-Type")).startsWith("application/json");
    JsonNode mail = JSON.readTree(r.body());
    assertThat(mail.at("/from/email").asText()).isEqualTo("alerts@example.com");
    assertThat(mail.at("/subject").asText()).isEqualTo("[WARNING] Budget search-monthly: 81.2% used ($812.40 of $1,000.00)");
    assertThat(mail.at("/personalizations/0/to/0/email").asText()).isEqualTo("finops@example.com");
    assertThat(mail.at("/personalizations/0/to/1/email").asText()).isEqualTo("lead@example.com");
    assertThat(mail.at("/content/0/type").asText()).isEqualTo("text/plain");
    assertThat(mail.at("/content/1/type").asText()).isEqualTo("text/html");
    String text = mail.at("/content/0/value").asText();
    assertThat(text).contains("Spend so far: $812.40", "Budget amount: $1,000.00", "Percent used: 81.2%",
        "Projected period spend: $1,175.50", "Projected exhaustion: 2026-09-27 00:00 UTC",
        "Dashboard: https://grafana.example.com/d/ai-costs?var-project=search&from=1788220800000&to=1790812800000");
    assertThat(mail.at("/content/1/value").asText()).contains("<td>$812.40</td>", "href=\"https://grafana.example.com/d/ai-costs?var-project=search");
    assertThat(mail.at("/headers/X-Alert-Id").asText()).isEqualTo("bt-1");
    assertThat(mail.at("/custom_args/alert_id").asText()).isEqualTo("bt-1");
  }

  @Test
  void slackGetsBlockKitWithHeaderFieldsAndButton() throws Exception {
    Received r = sendOne("slack", TestAlerts.anomaly("an-1"));
    assertThat(r.path()).isEqualTo("/services/T000/B000/slacktoken");
    assertThat(r.header("Content-Type")).isEqualTo("application/json");
    assertThat(r.header("Idempotency-Key")).isEqualTo("an-1");
    JsonNode m = JSON.readTree(r.body());
    assertThat(m.get("text").asText()).isEqualTo("[CRITICAL] Cost anomaly in project=search: $310.00 vs $42.50 expected");
    JsonNode blocks = m.get("blocks");
    assertThat(blocks.get(0).get("type").asText()).isEqualTo("header");
    assertThat(blocks.get(0).at("/text/type").asText()).isEqualTo("plain_text");
    assertThat(blocks.get(1).at("/text/type").asText()).isEqualTo("mrkdwn");
    assertThat(blocks.get(1).at("/text/text").asText()).contains("z-score 5.73", "$267.50 above normal");
    assertThat(blocks.get(2).get("type").asText()).isEqualTo("section");
    assertThat(blocks.get(2).get("fields").size()).isBetween(1, 10);
    assertThat(blocks.get(2).get("fields").toString()).contains("*Expected*\\n$42.50", "*Anomaly score (z)*\\n5.73", "*Dollar impact*\\n$267.50");
    JsonNode actions = blocks.get(3);
    assertThat(actions.get("type").asText()).isEqualTo("actions");
    assertThat(actions.at("/elements/0/type").asText()).isEqualTo("button");
    assertThat(actions.at("/elements/0/url").asText()).startsWith("https://grafana.example.com/d/ai-costs");
    assertThat(blocks.get(4).get("type").asText()).isEqualTo("context");
  }

  @Test
  void discordGetsEmbedColouredBySeverity() throws Exception {
    Received r = sendOne("discord", TestAlerts.anomaly("an-2"));
    assertThat(r.path()).isEqualTo("/api/webhooks/123/discordtoken");
    JsonNode m = JSON.readTree(r.body());
    assertThat(m.get("username").asText()).isEqualTo("Cost Tracker");
    assertThat(m.at("/allowed_mentions/parse").isArray()).isTrue();
    assertThat(m.at("/allowed_mentions/parse").size()).isZero();
    JsonNode e = m.at("/embeds/0");
    assertThat(e.get("title").asText()).startsWith("[CRITICAL] Cost anomaly");
    assertThat(e.get("color").asInt()).isEqualTo(DiscordChannel.RED);
    assertThat(e.get("url").asText()).startsWith("https://grafana.example.com/");
    assertThat(e.get("fields").get(0).has("name")).isTrue();
    assertThat(e.get("fields").get(0).has("value")).isTrue();
    assertThat(e.get("fields").get(0).get("inline").asBoolean()).isTrue();
    assertThat(e.get("timestamp").asText()).isEqualTo("2026-09-21T00:00:00Z");

    server.reset();
    Received warning = sendOne("discord", TestAlerts.budgetThreshold("bt-2"));
    assertThat(JSON.readTree(warning.body()).at("/embeds/0/color").asInt()).isEqualTo(DiscordChannel.AMBER);
  }

  @Test
  void teamsGetsAdaptiveCardInMessageEnvelope() throws Exception {
    Received r = sendOne("teams", TestAlerts.budgetThreshold("bt-3"));
    assertThat(r.path()).isEqualTo("/workflows/teams/triggers/manual/paths/invoke");
    JsonNode m = JSON.readTree(r.body());
    assertThat(m.get("type").asText()).isEqualTo("message");
    JsonNode att = m.at("/attachments/0");
    assertThat(att.get("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
    assertThat(att.get("contentUrl").isNull()).isTrue();
    JsonNode card = att.get("content");
    assertThat(card.get("type").asText()).isEqualTo("AdaptiveCard");
    assertThat(card.get("version").asText()).isEqualTo("1.4");
    assertThat(card.get("$schema").asText()).isEqualTo("http://adaptivecards.io/schemas/adaptive-card.json");
    assertThat(card.at("/body/0/type").asText()).isEqualTo("TextBlock");
    assertThat(card.at("/body/0/color").asText()).isEqualTo("Warning");
    assertThat(card.at("/body/2/type").asText()).isEqualTo("FactSet");
    assertThat(card.at("/body/2/facts").toString()).contains("{\"title\":\"Percent used\",\"value\":\"81.2%\"}");
    assertThat(card.at("/actions/0/type").asText()).isEqualTo("Action.OpenUrl");
  }

  @Test
  void webhookSignatureVerifiesOverTimestampAndExactBody() throws Exception {
    long before = System.currentTimeMillis() / 1000;
    Received r = sendOne("hook", TestAlerts.budgetThreshold("bt-4"));
    assertThat(r.path()).isEqualTo("/hooks/cost-alerts");
    String ts = r.header(SignedWebhookChannel.TIMESTAMP_HEADER);
    assertThat(Long.parseLong(ts)).isBetween(before, before + 5);
    String expected = "sha256=" + SignedWebhookChannel.sign(TestConfigs.HMAC_KEY, ts, r.body().getBytes(StandardCharsets.UTF_8));
    // a receiver compares in constant time
    assertThat(MessageDigest.isEqual(expected.getBytes(), r.header(SignedWebhookChannel.SIGNATURE_HEADER).getBytes())).isTrue();
    // a different timestamp (a replay with a fresh header) does not verify
    assertThat(SignedWebhookChannel.sign(TestConfigs.HMAC_KEY, Long.toString(Long.parseLong(ts) + 1), r.body().getBytes(StandardCharsets.UTF_8)))
        .isNotEqualTo(expected.substring(7));
    assertThat(r.header("Idempotency-Key")).isEqualTo("bt-4");
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("alert_id").asText()).isEqualTo("bt-4");
    assertThat(body.get("kind").asText()).isEqualTo("BUDGET_THRESHOLD");
    assertThat(body.get("observed_value").asDouble()).isEqualTo(812.40);
    assertThat(body.get("percent_used").asDouble()).isEqualTo(81.24);
    assertThat(body.get("period_start").asLong()).isEqualTo(TestAlerts.SEPT_1);
    assertThat(body.has("test")).isFalse();
  }

  @Test
  void testMessagesAreMarkedEverywhere() throws Exception {
    AlertEvent a = TestAlerts.base("notify-test-1", AlertEvent.SYSTEM, AlertEvent.SEVERITY_INFO);
    a.message = "notify-test";
    dispatcher.deliver("hook", templates.render(a, true)).get(10, TimeUnit.SECONDS);
    Received r = server.received().get(0);
    assertThat(r.header("X-Alert-Test")).isEqualTo("true");
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("test").asBoolean()).isTrue();
    assertThat(body.get("subject").asText()).startsWith("[TEST] ");
  }
}
