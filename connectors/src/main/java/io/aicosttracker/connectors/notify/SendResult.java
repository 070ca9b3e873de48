package io.aicosttracker.connectors.notify;

import java.time.Duration;

/**
 * The answer to one send attempt: the HTTP status, whether a retry may help, the server's
 * {@code Retry-After} if it sent one, and a short error (secrets already scrubbed).
 */
public record SendResult(int httpStatus, boolean ok, boolean retryable, Duration retryAfter, String error) {

  public static SendResult success(int httpStatus) {
    return new SendResult(httpStatus, true, false, null, null);
  }

  /** Classifies an HTTP answer: 2xx ok; 408, 425, 429 and 5xx retryable; other 4xx final. */
  public static SendResult fromStatus(int status, Duration retryAfter, String body) {
    if (status >= 200 && status < 300) return success(status);
    boolean retryable = status == 408 || status == 425 || status == 429 || status >= 500;
    String snippet = body == null ? "" : body.strip();
    if (snippet.length() > 200) snippet = snippet.substring(0, 200) + "...";
    String error = "HTTP " + status + (snippet.isEmpty() ? "" : ": " + snippet.replaceAll("\\s+", " "));
    return new SendResult(status, false, retryable, retryAfter, error);
  }

  /** No HTTP answer (connection refused, timeout, I/O error): retryable. */
  public static SendResult noAnswer(String error) {
    return new SendResult(0, false, true, null, error);
  }

  /** A problem no retry can fix (bad configuration, unusable message). */
  public static SendResult permanent(String error) {
    return new SendResult(0, false, false, null, error);
  }
}
