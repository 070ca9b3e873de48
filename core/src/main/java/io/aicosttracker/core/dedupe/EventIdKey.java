package io.aicosttracker.core.dedupe;

import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * Maps an {@code event_id} to 128 bits for compact de-duplication state.
 *
 * <p>A canonical UUID (the recommended id) maps to its own 128 bits, so distinct UUIDs never
 * collide. Any other id maps to its MurmurHash3 x64 128-bit hash; two different ids collide
 * with probability about n^2 / 2^129 (below 1e-19 for ten billion ids).
 */
public final class EventIdKey {
  private EventIdKey() {}

  /** Writes the two halves of the key of {@code id} into {@code out[0]} and {@code out[1]}. */
  public static void of(String id, long[] out) {
    if (id.length() == 36 && parseUuid(id, out)) return;
    long[] h = MurmurHash3.hash128x64(id.getBytes(StandardCharsets.UTF_8));
    out[0] = h[0];
    out[1] = h[1];
  }

  private static boolean parseUuid(String s, long[] out) {
    long hi = 0;
    long lo = 0;
    int nibbles = 0;
    for (int i = 0; i < 36; i++) {
      char c = s.charAt(i);
      if (i == 8 || i == 13 || i == 18 || i == 23) {
        if (c != '-') return false;
        continue;
      }
      int v = Character.digit(c, 16);
      if (v < 0 || (c >= 'A' && c <= 'F')) return false; // only the canonical lowercase form
      if (nibbles < 16) hi = (hi << 4) | v;
      else lo = (lo << 4) | v;
      nibbles++;
    }
    out[0] = hi;
    out[1] = lo;
    return true;
  }
}
