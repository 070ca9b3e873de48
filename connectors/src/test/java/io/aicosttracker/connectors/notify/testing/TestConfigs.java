package io.aicosttracker.connectors.notify.testing;

import io.aicosttracker.connectors.notify.config.NotificationConfig;
import io.aicosttracker.connectors.notify.config.NotificationConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a notifications YAML with all five channel types pointing at a local server, secrets in
 * files next to it (as a user would mount them), and loads it through the real loader.
 */
public final class TestConfigs {
  public static final String SENDGRID_KEY = "SG.test-key-123";
  public static final String HMAC_KEY = "whsec-shared-456";

  private TestConfigs() {}

  /** {@code extra} is appended verbatim under {@code notifications:} (indent 2). */
  public static NotificationConfig allChannels(Path dir, int port, String defaults, String extra) throws IOException {
    String base = "http://127.0.0.1:" + port;
    Files.writeString(dir.resolve("sendgrid.key"), SENDGRID_KEY + "\n");
    Files.writeString(dir.resolve("hmac.key"), HMAC_KEY);
    Files.writeString(dir.resolve("slack.url"), base + "/services/T000/B000/slacktoken");
    Files.writeString(dir.resolve("discord.url"), base + "/api/webhooks/123/discordtoken");
    Files.writeString(dir.resolve("teams.url"), base + "/workflows/teams/triggers/manual/paths/invoke?sig=teamstoken");
    Files.writeString(dir.resolve("hook.url"), base + "/hooks/cost-alerts");
    String yaml = "notifications:\n"
        + "  link_template: \"https://grafana.example.com/d/ai-costs?var-project={project}&from={period_start_ms}&to={period_end_ms}\"\n"
        + "  defaults:\n"
        + "    allow_insecure_http: true\n"
        + (defaults == null ? "" : defaults)
        + "  channels:\n"
        + "    email:\n"
        + "      type: sendgrid\n"
        + "      api_key: {file: " + dir.resolve("sendgrid.key") + "}\n"
        + "      api_host: 127.0.0.1:" + port + "\n"
        + "      from: alerts@example.com\n"
        + "      to: [finops@example.com, lead@example.com]\n"
        + "    slack:\n"
        + "      type: slack\n"
        + "      url: {file: " + dir.resolve("slack.url") + "}\n"
        + "    discord:\n"
        + "      type: discord\n"
        + "      url: \"file:" + dir.resolve("discord.url") + "\"\n"
        + "      username: Cost Tracker\n"
        + "    teams:\n"
        + "      type: teams\n"
        + "      url: {file: " + dir.resolve("teams.url") + "}\n"
        + "    hook:\n"
        + "      type: webhook\n"
        + "      url: {file: " + dir.resolve("hook.url") + "}\n"
        + "      secret: {file: " + dir.resolve("hmac.key") + "}\n"
        + (extra == null ? "" : extra);
    Path file = dir.resolve("notifications.yaml");
    Files.writeString(file, yaml);
    return NotificationConfigLoader.load(file);
  }

  /** Fast retries and a generous rate limit, so tests take milliseconds. */
  public static String fastDefaults(int maxAttempts) {
    return "    rate_limit: {per_second: 1000, burst: 1000}\n"
        + "    retry: {max_attempts: " + maxAttempts + ", initial_backoff_ms: 100, max_backoff_ms: 1000, multiplier: 2, jitter: 0.0}\n"
        + "    timeout_ms: 2000\n";
  }
}
