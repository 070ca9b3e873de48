package io.aicosttracker.connectors.notify.flink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.aicosttracker.connectors.notify.delivery.NotificationDelivery;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** JSON lines for the delivery log and the dead letters (snake_case, one object per line). */
public final class NotificationJson {
  private static final JsonFactory JSON = new JsonFactory();

  private NotificationJson() {}

  public static String delivery(NotificationDelivery d) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartObject();
      g.writeStringField("alert_id", d.alertId);
      g.writeStringField("channel", d.channel);
      g.writeStringField("channel_type", d.channelType);
      g.writeStringField("kind", d.kind);
      g.writeStringField("severity", d.severity);
      g.writeStringField("status", d.status);
      g.writeNumberField("attempts", d.attempt);
      g.writeNumberField("http_status", d.httpStatus);
      g.writeNumberField("latency_ms", d.latencyMs);
      g.writeStringField("error", d.error);
      g.writeNumberField("timestamp", d.timestamp);
      g.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return w.toString();
  }

  public static String deadLetter(NotificationDeadLetter d) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartObject();
      g.writeStringField("alert_id", d.alertId);
      g.writeStringField("channel", d.channel);
      g.writeNumberField("attempts", d.attempts);
      g.writeStringField("last_error", d.lastError);
      g.writeNumberField("failed_at", d.failedAt);
      g.writeFieldName("alert");
      g.writeRawValue(d.alertJson == null ? "null" : d.alertJson);
      g.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return w.toString();
  }

  public static void writeDelivery(NotificationDelivery d, OutputStream out) throws IOException {
    out.write((delivery(d) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  public static void writeDeadLetter(NotificationDeadLetter d, OutputStream out) throws IOException {
    out.write((deadLetter(d) + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
