package io.aicosttracker.connectors.notify.message;

import java.io.Serializable;

/**
 * Text templates for one alert kind, with {@code {placeholder}} fields (see {@link AlertTemplates}).
 * Any part may be null to keep the built-in one. {@code summary} is the one-paragraph lead used by
 * chat channels; {@code text} and {@code html} are whole email bodies.
 */
public record MessageTemplate(String subject, String summary, String text, String html) implements Serializable {

  /** This template's parts, falling back to {@code base}'s where this one has none. */
  public MessageTemplate over(MessageTemplate base) {
    return new MessageTemplate(
        subject != null ? subject : base.subject,
        summary != null ? summary : base.summary,
        text != null ? text : base.text,
        html != null ? html : base.html);
  }
}
