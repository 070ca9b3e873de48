package io.aicosttracker.core.parse;

import java.io.DataInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A small direct-mapped table of recurring short strings (provider, model, project, user, ...)
 * with their UTF-8 bytes, one per thread.
 *
 * <p>Why: a usage event carries about a dozen names drawn from a few hundred values, and every
 * hop of the batch pipeline decoded them into new strings and encoded them back to bytes. Looking
 * them up here returns the one cached instance (its hash code computed once, equal strings often
 * identical) and its cached bytes. Contents are always compared, so a collision only costs a
 * miss: two different byte sequences never share an entry. Unique values (event ids, tags) must
 * not go through it, they would only evict the useful entries.
 */
public final class RecurringStrings {
  /** Longer values are decoded and encoded as usual, never cached. */
  static final int MAX_CACHED_LENGTH = 64;

  private static final int SIZE = 1024;
  private static final ThreadLocal<RecurringStrings> PER_THREAD = ThreadLocal.withInitial(RecurringStrings::new);

  private final String[] strings = new String[SIZE];
  private final byte[][] utf8 = new byte[SIZE][];
  private final int[] hashes = new int[SIZE];
  /** The chars of each entry, filled on its first char lookup: compared in bulk, not by charAt. */
  private final char[][] chars = new char[SIZE][];
  private final byte[] scratch = new byte[MAX_CACHED_LENGTH];

  /** The calling thread's table (not thread-safe: never share one between threads). */
  public static RecurringStrings forThread() {
    return PER_THREAD.get();
  }

  /** The string of {@code len} UTF-8 bytes at {@code off}, the cached instance when seen before. */
  public String fromUtf8(byte[] b, int off, int len) {
    if (len > MAX_CACHED_LENGTH) return new String(b, off, len, StandardCharsets.UTF_8);
    int h = 0;
    // equals String.hashCode for ASCII, so fromUtf8 and utf8(String) find the same entry
    for (int i = off, end = off + len; i < end; i++) h = 31 * h + (b[i] & 0xFF);
    int i = index(h);
    byte[] cached = utf8[i];
    if (cached != null
        && hashes[i] == h
        && cached.length == len
        && Arrays.equals(cached, 0, len, b, off, off + len)) {
      return strings[i];
    }
    String s = new String(b, off, len, StandardCharsets.UTF_8);
    store(i, h, s, Arrays.copyOfRange(b, off, off + len));
    return s;
  }

  /** Reads {@code len} UTF-8 bytes from {@code in} as a string, the cached instance when seen before. */
  public String read(DataInput in, int len) throws IOException {
    if (len > MAX_CACHED_LENGTH) {
      byte[] b = new byte[len];
      in.readFully(b);
      return new String(b, StandardCharsets.UTF_8);
    }
    in.readFully(scratch, 0, len);
    return fromUtf8(scratch, 0, len);
  }

  /** The string of {@code len} chars at {@code off}, the cached instance when seen before. */
  public String fromChars(char[] c, int off, int len) {
    if (len > MAX_CACHED_LENGTH) return new String(c, off, len);
    int h = 0;
    for (int i = off, end = off + len; i < end; i++) h = 31 * h + c[i];
    int i = index(h);
    String cached = strings[i];
    if (cached != null && hashes[i] == h && cached.length() == len) {
      char[] known = chars[i];
      if (known == null) chars[i] = known = cached.toCharArray();
      if (Arrays.equals(known, 0, len, c, off, off + len)) return cached;
    }
    String s = new String(c, off, len);
    store(i, h, s, s.getBytes(StandardCharsets.UTF_8));
    chars[i] = Arrays.copyOfRange(c, off, off + len);
    return s;
  }

  /** The UTF-8 bytes of {@code s}, cached when short; callers must not modify them. */
  public byte[] utf8(String s) {
    if (s.length() > MAX_CACHED_LENGTH) return s.getBytes(StandardCharsets.UTF_8);
    int h = s.hashCode();
    int i = index(h);
    String cached = strings[i];
    if (cached == s || (cached != null && hashes[i] == h && cached.equals(s))) return utf8[i];
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    store(i, h, s, b);
    return b;
  }

  private void store(int i, int h, String s, byte[] b) {
    strings[i] = s;
    utf8[i] = b;
    hashes[i] = h;
    chars[i] = null;
  }

  private static int index(int h) {
    return (h ^ (h >>> 10) ^ (h >>> 20)) & (SIZE - 1);
  }
}
