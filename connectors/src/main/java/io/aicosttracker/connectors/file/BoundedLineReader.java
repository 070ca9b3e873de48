package io.aicosttracker.connectors.file;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream on {@code \n} (dropping a trailing {@code \r}) without decoding, keeping
 * at most {@code maxBytes} (+1, to detect overflow) of each line in a reused buffer.
 */
final class BoundedLineReader implements Closeable {
  private final InputStream in;
  private final int maxBytes;
  private final byte[] chunk = new byte[1 << 16];
  private int chunkPos;
  private int chunkLen;
  private byte[] line = new byte[1024];
  private int lineLen;
  private boolean overlong;
  private long lineNumber;
  private boolean eof;

  BoundedLineReader(InputStream in, int maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /** Advances to the next line; false at end of input. */
  boolean next() throws IOException {
    if (eof) return false;
    lineLen = 0;
    overlong = false;
    boolean sawAny = false;
    while (true) {
      if (chunkPos >= chunkLen) {
        chunkLen = in.read(chunk, 0, chunk.length);
        chunkPos = 0;
        if (chunkLen <= 0) {
          eof = true;
          chunkLen = 0;
          if (!sawAny) return false;
          break;
        }
      }
      sawAny = true;
      int start = chunkPos;
      int end = start;
      while (end < chunkLen && chunk[end] != '\n') end++;
      append(chunk, start, end - start);
      if (end < chunkLen) {
        chunkPos = end + 1;
        break;
      }
      chunkPos = chunkLen;
    }
    if (lineLen > 0 && line[lineLen - 1] == '\r' && !overlong) lineLen--;
    lineNumber++;
    return true;
  }

  private void append(byte[] src, int off, int len) {
    int room = maxBytes + 1 - lineLen;
    if (len > room) {
      overlong = true;
      len = Math.max(0, room);
    }
    if (lineLen + len > line.length) line = Arrays.copyOf(line, Math.max(line.length * 2, lineLen + len));
    System.arraycopy(src, off, line, lineLen, len);
    lineLen += len;
    if (lineLen > maxBytes) overlong = true;
  }

  byte[] buffer() {
    return line;
  }

  int length() {
    return lineLen;
  }

  boolean isOverlong() {
    return overlong;
  }

  long lineNumber() {
    return lineNumber;
  }

  boolean isBlank() {
    for (int i = 0; i < lineLen; i++) {
      byte b = line[i];
      if (b != ' ' && b != '\t' && b != '\r') return false;
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
