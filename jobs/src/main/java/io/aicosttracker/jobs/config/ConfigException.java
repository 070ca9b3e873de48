package io.aicosttracker.jobs.config;

/** A setting that is unknown or invalid; the message is one line naming the key. */
public final class ConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
