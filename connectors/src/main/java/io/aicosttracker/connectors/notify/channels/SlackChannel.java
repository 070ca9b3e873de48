package io.aicosttracker.connectors.notify.channels;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aicosttracker.connectors.notify.NotificationChannel;
import io.aicosttracker.connectors.notify.SendResult;
import io.aicosttracker.connectors.notify.message.AlertMessage;
import java.util.Map;

/**
 * Slack incoming webhook with a Block Kit message: a header, the summary, the facts as section
 * fields, and a button to the dashboard; {@code text} is the notification fallback.
 */
public final class SlackChannel implements NotificationChannel {
  private final HttpJsonPoster poster;

  public SlackChannel(HttpJsonPoster poster) {
    this.poster = poster;
  }

  @Override
  public SendResult send(AlertMessage m) throws Exception {
    return poster.post(payload(m), Map.of("Idempotency-Key", m.alertId()));
  }

  static ObjectNode payload(AlertMessage m) {
    ObjectNode root = HttpJsonPoster.MAPPER.createObjectNode();
    root.put("text", m.subject());
    ArrayNode blocks = root.putArray("blocks");
    ObjectNode header = blocks.addObject().put("type", "header");
    header.putObject("text").put("type", "plain_text").put("text", truncate(m.subject(), 150));
    ObjectNode summary = blocks.addObject().put("type", "section");
    summary.putObject("text").put("type", "mrkdwn").put("text", truncate(m.summary(), 3000));
    // Slack allows at most 10 fields per section
    ArrayNode fields = null;
    for (int i = 0; i < m.facts().size(); i++) {
      if (i % 10 == 0) fields = blocks.addObject().put("type", "section").putArray("fields");
      AlertMessage.Fact f = m.facts().get(i);
      fields.addObject().put("type", "mrkdwn").put("text", truncate("*" + f.label() + "*\n" + f.value(), 2000));
    }
    if (m.link() != null) {
      ObjectNode actions = blocks.addObject().put("type", "actions");
      ObjectNode button = actions.putArray("elements").addObject().put("type", "button").put("url", m.link());
      button.putObject("text").put("type", "plain_text").put("text", "Open dashboard");
    }
    blocks.addObject().put("type", "context").putArray("elements").addObject()
        .put("type", "mrkdwn").put("text", "alert `" + m.alertId() + "` · " + m.alert().kind);
    return root;
  }

  static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
