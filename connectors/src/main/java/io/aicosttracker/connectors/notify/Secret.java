package io.aicosttracker.connectors.notify;

import java.util.Objects;

/**
 * A resolved secret (API key, webhook URL, HMAC key) that never prints itself.
 *
 * <p>{@link #toString()} shows only where the value came from; code that needs the value calls
 * {@link #reveal()}. Not serializable on purpose: jobs ship {@link SecretRef}s and resolve them on
 * the task managers, so secrets never land in the job graph or a checkpoint.
 */
public final class Secret {
  private final String value;
  private final String source;

  public Secret(String value, String source) {
    this.value = Objects.requireNonNull(value, "value");
    this.source = source;
  }

  /** The secret value; keep it out of logs and messages. */
  public String reveal() {
    return value;
  }

  /** Replaces every occurrence of this secret in {@code text} with {@code ****}. */
  public String scrub(String text) {
    if (text == null || value.isEmpty()) return text;
    return text.replace(value, "****");
  }

  @Override
  public String toString() {
    return "Secret(" + source + ")=****";
  }
}
