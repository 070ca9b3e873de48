package io.aicosttracker.connectors.notify.channels;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aicosttracker.connectors.notify.NotificationChannel;
import io.aicosttracker.connectors.notify.SendResult;
import io.aicosttracker.connectors.notify.message.AlertMessage;
import io.aicosttracker.core.records.AlertEvent;
import java.time.Instant;
import java.util.Map;

/** Discord webhook with one embed, coloured by severity (red critical, amber warning, blue info; green resolved). */
public final class DiscordChannel implements NotificationChannel {
  public static final int RED = 0xE01E5A;
  public static final int AMBER = 0xF2A100;
  public static final int BLUE = 0x3B82F6;
  public static final int GREEN = 0x2EB67D;

  private final HttpJsonPoster poster;
  private final String username;

  public DiscordChannel(HttpJsonPoster poster, String username) {
    this.poster = poster;
    this.username = username;
  }

  @Override
  public SendResult send(AlertMessage m) throws Exception {
    return poster.post(payload(m, username), Map.of("Idempotency-Key", m.alertId()));
  }

  static ObjectNode payload(AlertMessage m, String username) {
    ObjectNode root = HttpJsonPoster.MAPPER.createObjectNode();
    if (username != null) root.put("username", username);
    // no pings from alerts: a webhook must not be able to @everyone
    root.putObject("allowed_mentions").putArray("parse");
    ArrayNode embeds = root.putArray("embeds");
    ObjectNode e = embeds.addObject();
    e.put("title", SlackChannel.truncate(m.subject(), 256));
    e.put("description", SlackChannel.truncate(m.summary(), 4096));
    if (m.link() != null) e.put("url", m.link());
    e.put("color", colour(m));
    ArrayNode fields = e.putArray("fields");
    for (AlertMessage.Fact f : m.facts().subList(0, Math.min(25, m.facts().size()))) {
      fields.addObject().put("name", SlackChannel.truncate(f.label(), 256)).put("value", SlackChannel.truncate(f.value(), 1024)).put("inline", true);
    }
    e.putObject("footer").put("text", "alert " + m.alertId());
    if (m.alert().eventTime > 0) e.put("timestamp", Instant.ofEpochMilli(m.alert().eventTime).toString());
    return root;
  }

  static int colour(AlertMessage m) {
    if ("RESOLVED".equals(m.alert().state)) return GREEN;
    return switch (m.severity()) {
      case AlertEvent.SEVERITY_CRITICAL -> RED;
      case AlertEvent.SEVERITY_WARNING -> AMBER;
      default -> BLUE;
    };
  }
}
