package io.aicosttracker.core.alert;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Deterministic alert ids: a name-based UUID (version 5, SHA-1, RFC 9562) of (kind, budget or
 * series key, period start, threshold or qualifier).
 *
 * <p>The same alert computed again by a replay, a restart or a second instance has the same id,
 * so the notification sink and the {@code alerts} table recognise and drop the repeat.
 */
public final class AlertIds {
  /** Namespace of this project's alert ids (a fixed random UUID). */
  public static final UUID NAMESPACE = UUID.fromString("6f1e0c3a-57b2-4c1e-9a59-2a3f7f3b9c10");

  private AlertIds() {}

  /** The id of the alert of {@code kind} for {@code key} in the period starting {@code periodStart}. */
  public static String of(String kind, String key, long periodStart, String qualifier) {
    return nameUuid(kind + '\u001f' + key + '\u001f' + periodStart + '\u001f' + qualifier).toString();
  }

  /** A version-5 UUID of {@code name} in {@link #NAMESPACE}. */
  static UUID nameUuid(String name) {
    MessageDigest sha1;
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required by every Java platform", e);
    }
    sha1.update(ByteBuffer.allocate(16).putLong(NAMESPACE.getMostSignificantBits()).putLong(NAMESPACE.getLeastSignificantBits()).array());
    byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
    h[6] = (byte) ((h[6] & 0x0f) | 0x50); // version 5
    h[8] = (byte) ((h[8] & 0x3f) | 0x80); // IETF variant
    ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
    return new UUID(b.getLong(), b.getLong());
  }
}
