package io.aicosttracker.connectors.notify.message;

import io.aicosttracker.core.records.AlertEvent;
import java.util.List;

/**
 * An alert rendered for people: subject, a one-paragraph summary, the facts a reader needs (label,
 * value), a link, and the full plain-text and HTML bodies for email. Chat channels lay out the same
 * parts in their own formats, so every channel says the same thing.
 *
 * @param test true for {@code notify-test} messages, which every channel marks visibly
 */
public record AlertMessage(
    AlertEvent alert, String subject, String summary, List<Fact> facts, String link, String text, String html, boolean test) {

  /** One labelled number or value, e.g. ("Spend", "$812.40"). */
  public record Fact(String label, String value) {}

  public String alertId() {
    return alert.alertId;
  }

  public String severity() {
    return alert.severity == null ? AlertEvent.SEVERITY_INFO : alert.severity;
  }
}
