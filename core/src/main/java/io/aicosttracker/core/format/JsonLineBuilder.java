package io.aicosttracker.core.format;

import com.fasterxml.jackson.core.io.NumberOutput;
import io.aicosttracker.core.parse.Rfc3339;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds one flat JSON object as UTF-8 bytes, field by field, with the same bytes Jackson's
 * generator writes for it (escapes, numbers, raw values).
 *
 * <p>Why not the generator: writing priced events through {@code JsonGenerator} (its per-field
 * state checks and name encoding) was 29 % of the batch job's de-duplicate/price/write stage in
 * a profile here. Field names are pre-encoded once; strings are copied byte-wise when ASCII.
 */
public final class JsonLineBuilder {
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  private static final int RECURRING_SIZE = 512;
  private static final int RECURRING_MAX_LENGTH = 64;

  private byte[] buf = new byte[768];
  // escaped bytes of recurring values, direct-mapped by hash code; contents always compared
  private final String[] recurringValues = new String[RECURRING_SIZE];
  private final byte[][] recurringBytes = new byte[RECURRING_SIZE][];
  private int pos;
  private String lastDouble;
  private long lastDoubleBits;
  private boolean first = true;

  /** A field name as {@code "name":} bytes, encoded once. */
  public static byte[] name(String name) {
    return ("\"" + name + "\":").getBytes(StandardCharsets.UTF_8);
  }

  public JsonLineBuilder start() {
    pos = 0;
    first = true;
    put((byte) '{');
    return this;
  }

  public JsonLineBuilder string(byte[] name, String value) {
    field(name);
    if (value == null) {
      putAscii("null");
    } else {
      put((byte) '"');
      escaped(value);
      put((byte) '"');
    }
    return this;
  }

  /**
   * A string field whose value recurs (provider, model, project, ...): the same bytes as {@link
   * #string}, escaped once per distinct value and then copied. Unique values (ids) belong in
   * {@link #string}: here they would only evict the recurring ones.
   */
  public JsonLineBuilder recurring(byte[] name, String value) {
    if (value == null || value.length() > RECURRING_MAX_LENGTH) return string(name, value);
    field(name);
    int h = value.hashCode();
    int i = (h ^ (h >>> 9) ^ (h >>> 18)) & (RECURRING_SIZE - 1);
    String cached = recurringValues[i];
    if (cached == value || value.equals(cached)) {
      byte[] b = recurringBytes[i];
      ensure(b.length);
      System.arraycopy(b, 0, buf, pos, b.length);
      pos += b.length;
      return this;
    }
    int from = pos;
    put((byte) '"');
    escaped(value);
    put((byte) '"');
    recurringValues[i] = value;
    recurringBytes[i] = java.util.Arrays.copyOfRange(buf, from, pos);
    return this;
  }

  /**
   * An epoch-millis instant as the string {@link Rfc3339#formatMillis(long)} returns, written as
   * bytes without the intermediate string.
   */
  public JsonLineBuilder timestamp(byte[] name, long millis) {
    field(name);
    ensure(Rfc3339.MAX_FORMATTED_LENGTH + 2);
    int end = Rfc3339.formatMillis(millis, buf, pos + 1);
    if (end < 0) {
      // years outside 0000-9999: java.time's form, as a plain string
      put((byte) '"');
      escaped(Rfc3339.formatMillis(millis));
      put((byte) '"');
      return this;
    }
    buf[pos] = '"';
    buf[end] = '"';
    pos = end + 1;
    return this;
  }

  public JsonLineBuilder number(byte[] name, long value) {
    field(name);
    if (value == Long.MIN_VALUE) {
      putAscii(Long.toString(value));
      return this;
    }
    ensure(20);
    if (value < 0) {
      buf[pos++] = '-';
      value = -value;
    }
    int digits = 1;
    for (long v = value; v >= 10; v /= 10) digits++;
    for (int i = pos + digits - 1; i >= pos; i--) {
      buf[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    pos += digits;
    return this;
  }

  /** Shortest representation, as Jackson's fast double writer prints it. */
  public JsonLineBuilder number(byte[] name, double value) {
    field(name);
    // a priced event prints its cost twice (cost_usd, catalog_cost_usd): format it once
    long bits = Double.doubleToRawLongBits(value);
    if (lastDouble == null || bits != lastDoubleBits) {
      lastDouble = NumberOutput.toString(value, true);
      lastDoubleBits = bits;
    }
    putAscii(lastDouble);
    return this;
  }

  public JsonLineBuilder bool(byte[] name, boolean value) {
    field(name);
    putAscii(value ? "true" : "false");
    return this;
  }

  /** A value that already is JSON text (a tags object), copied as is. */
  public JsonLineBuilder raw(byte[] name, String json) {
    field(name);
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    ensure(b.length);
    System.arraycopy(b, 0, buf, pos, b.length);
    pos += b.length;
    return this;
  }

  /** Closes the object, adds a newline and writes the line. */
  public void endLine(OutputStream out) throws IOException {
    put((byte) '}');
    put((byte) '\n');
    out.write(buf, 0, pos);
  }

  /** Closes the object and returns it as a string (no newline). */
  public String endToString() {
    put((byte) '}');
    return new String(buf, 0, pos, StandardCharsets.UTF_8);
  }

  private void field(byte[] name) {
    if (!first) put((byte) ',');
    first = false;
    ensure(name.length);
    System.arraycopy(name, 0, buf, pos, name.length);
    pos += name.length;
  }

  private void escaped(String s) {
    int n = s.length();
    // fast path, the usual case: ASCII without quotes, backslashes or control characters,
    // copied from the JDK's (intrinsic) encoder instead of char by char
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    if (utf8.length == n && plain(utf8)) {
      ensure(n);
      System.arraycopy(utf8, 0, buf, pos, n);
      pos += n;
      return;
    }
    ensure(n);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
        buf[pos++] = (byte) c;
        if (pos == buf.length) ensure(n - i);
        continue;
      }
      ensure(12 + n - i);
      if (c == '"' || c == '\\') {
        buf[pos++] = '\\';
        buf[pos++] = (byte) c;
      } else if (c < 0x20) {
        escapeControl(c);
      } else if (c < 0x800) {
        buf[pos++] = (byte) (0xC0 | (c >> 6));
        buf[pos++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        // as Jackson does: characters beyond the BMP as two escapes (a lone half stays valid JSON too)
        escapeUnicode(c);
      } else {
        buf[pos++] = (byte) (0xE0 | (c >> 12));
        buf[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        buf[pos++] = (byte) (0x80 | (c & 0x3F));
      }
    }
  }

  private static boolean plain(byte[] ascii) {
    for (byte b : ascii) {
      // '?' may be the encoder's stand-in for a lone surrogate: the slow path decides
      if (b < 0x20 || b == '"' || b == '\\' || b == '?') return false;
    }
    return true;
  }

  private void escapeControl(char c) {
    char shortForm =
        switch (c) {
          case '\b' -> 'b';
          case '\t' -> 't';
          case '\n' -> 'n';
          case '\f' -> 'f';
          case '\r' -> 'r';
          default -> 0;
        };
    if (shortForm != 0) {
      buf[pos++] = '\\';
      buf[pos++] = (byte) shortForm;
    } else {
      escapeUnicode(c);
    }
  }

  private void escapeUnicode(char c) {
    buf[pos++] = '\\';
    buf[pos++] = 'u';
    buf[pos++] = HEX[(c >> 12) & 0xF];
    buf[pos++] = HEX[(c >> 8) & 0xF];
    buf[pos++] = HEX[(c >> 4) & 0xF];
    buf[pos++] = HEX[c & 0xF];
  }

  private void putAscii(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) buf[pos++] = (byte) s.charAt(i);
  }

  private void put(byte b) {
    ensure(1);
    buf[pos++] = b;
  }

  private void ensure(int more) {
    if (pos + more > buf.length) buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
  }
}
