package io.aicosttracker.connectors.records;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Renders original record bytes for a dead letter: UTF-8 text when valid, else base64. */
public final class RawText {
  /** Dead letters keep at most this many bytes of the original record. */
  public static final int MAX_RAW_BYTES = 64 * 1024;

  private final String text;
  private final boolean base64;

  private RawText(String text, boolean base64) {
    this.text = text;
    this.base64 = base64;
  }

  public static RawText of(byte[] bytes, int off, int len) {
    int n = Math.min(len, MAX_RAW_BYTES);
    try {
      String s =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, off, n))
              .toString();
      return new RawText(s, false);
    } catch (CharacterCodingException e) {
      return new RawText(Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(bytes, off, off + n)), true);
    }
  }

  public String text() {
    return text;
  }

  public boolean isBase64() {
    return base64;
  }
}
