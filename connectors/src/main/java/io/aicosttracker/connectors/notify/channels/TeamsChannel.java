package io.aicosttracker.connectors.notify.channels;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aicosttracker.connectors.notify.NotificationChannel;
import io.aicosttracker.connectors.notify.SendResult;
import io.aicosttracker.connectors.notify.message.AlertMessage;
import io.aicosttracker.core.records.AlertEvent;
import java.util.Map;

/**
 * Microsoft Teams through a Workflows (Power Automate) or incoming webhook: an Adaptive Card 1.4
 * in the {@code {"type":"message","attachments":[...]}} envelope both accept.
 */
public final class TeamsChannel implements NotificationChannel {
  public static final String CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

  private final HttpJsonPoster poster;

  public TeamsChannel(HttpJsonPoster poster) {
    this.poster = poster;
  }

  @Override
  public SendResult send(AlertMessage m) throws Exception {
    return poster.post(payload(m), Map.of("Idempotency-Key", m.alertId()));
  }

  static ObjectNode payload(AlertMessage m) {
    ObjectNode root = HttpJsonPoster.MAPPER.createObjectNode();
    root.put("type", "message");
    ObjectNode attachment = root.putArray("attachments").addObject();
    attachment.put("contentType", CARD_CONTENT_TYPE);
    attachment.putNull("contentUrl");
    ObjectNode card = attachment.putObject("content");
    card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
    card.put("type", "AdaptiveCard");
    card.put("version", "1.4");
    ArrayNode body = card.putArray("body");
    body.addObject().put("type", "TextBlock").put("text", m.subject()).put("weight", "Bolder").put("size", "Medium")
        .put("wrap", true).put("color", colour(m));
    body.addObject().put("type", "TextBlock").put("text", m.summary()).put("wrap", true);
    ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
    for (AlertMessage.Fact f : m.facts()) facts.addObject().put("title", f.label()).put("value", f.value());
    body.addObject().put("type", "TextBlock").put("text", "alert " + m.alertId()).put("isSubtle", true).put("size", "Small").put("wrap", true);
    if (m.link() != null) {
      card.putArray("actions").addObject().put("type", "Action.OpenUrl").put("title", "Open dashboard").put("url", m.link());
    }
    return root;
  }

  private static String colour(AlertMessage m) {
    if ("RESOLVED".equals(m.alert().state)) return "Good";
    return switch (m.severity()) {
      case AlertEvent.SEVERITY_CRITICAL -> "Attention";
      case AlertEvent.SEVERITY_WARNING -> "Warning";
      default -> "Accent";
    };
  }
}
