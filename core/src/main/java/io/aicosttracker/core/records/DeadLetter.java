package io.aicosttracker.core.records;

/**
 * A record that could not be accepted, with the reason and where it came from.
 *
 * <p>Either {@code file}/{@code line} (files) or {@code topic}/{@code partition}/{@code offset}
 * (Kafka) is set. {@code raw} is the original text, or base64 when it was not valid UTF-8.
 */
public class DeadLetter {
  public String file;
  public long line = -1;
  public String topic;
  public int partition = -1;
  public long offset = -1;
  public String error;
  public String raw;
  public boolean rawBase64;

  public DeadLetter() {}

  public static DeadLetter fromFile(String file, long line, String error, String raw, boolean rawBase64) {
    DeadLetter d = new DeadLetter();
    d.file = file;
    d.line = line;
    d.error = error;
    d.raw = raw;
    d.rawBase64 = rawBase64;
    return d;
  }

  @Override
  public String toString() {
    return "DeadLetter{" + (file != null ? file + ":" + line : topic + "/" + partition + "@" + offset) + " " + error + "}";
  }
}
