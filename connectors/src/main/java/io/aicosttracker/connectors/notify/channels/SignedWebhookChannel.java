package io.aicosttracker.connectors.notify.channels;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aicosttracker.connectors.notify.NotificationChannel;
import io.aicosttracker.connectors.notify.Secret;
import io.aicosttracker.connectors.notify.SendResult;
import io.aicosttracker.connectors.notify.message.AlertJson;
import io.aicosttracker.connectors.notify.message.AlertMessage;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Generic webhook: POSTs the alert JSON, signed so receivers can verify it and reject replays.
 *
 * <p>Headers: {@code X-Timestamp} (epoch seconds), {@code X-Signature: sha256=<hex>} where the hex
 * is HMAC-SHA256 under the shared secret of {@code timestamp + "." + body} (the exact bytes sent),
 * {@code Idempotency-Key} (the alert id) and {@code X-Alert-Test: true} on test messages. A
 * receiver recomputes the HMAC, compares in constant time, and rejects timestamps older than a few
 * minutes.
 */
public final class SignedWebhookChannel implements NotificationChannel {
  public static final String SIGNATURE_HEADER = "X-Signature";
  public static final String TIMESTAMP_HEADER = "X-Timestamp";

  private final HttpJsonPoster poster;
  private final Secret key;
  private final Clock clock;

  public SignedWebhookChannel(HttpJsonPoster poster, Secret key, Clock clock) {
    this.poster = poster;
    this.key = key;
    this.clock = clock;
  }

  @Override
  public SendResult send(AlertMessage m) throws Exception {
    ObjectNode body = AlertJson.toNode(m.alert());
    body.put("subject", m.subject());
    body.put("summary", m.summary());
    if (m.test()) body.put("test", true);
    byte[] bytes = HttpJsonPoster.MAPPER.writeValueAsBytes(body);
    String timestamp = Long.toString(clock.instant().getEpochSecond());
    Map<String, String> headers = new java.util.LinkedHashMap<>();
    headers.put(TIMESTAMP_HEADER, timestamp);
    headers.put(SIGNATURE_HEADER, "sha256=" + sign(key.reveal(), timestamp, bytes));
    headers.put("Idempotency-Key", m.alertId());
    if (m.test()) headers.put("X-Alert-Test", "true");
    return poster.post(bytes, headers);
  }

  /** Hex HMAC-SHA256 of {@code timestamp + "." + body} under {@code key}. */
  public static String sign(String key, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
