package io.aicosttracker.connectors.notify.config;

import io.aicosttracker.connectors.notify.SecretRef;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * One configured destination. Which fields apply depends on {@link #type}: {@code url} for the
 * webhook types, {@code secret} for the signed webhook, {@code apiKey}/{@code from}/{@code to} for
 * SendGrid. Secrets are references, resolved where the channel is built.
 */
public record ChannelConfig(
    String name,
    ChannelType type,
    SecretRef url,
    SecretRef secret,
    SecretRef apiKey,
    String from,
    List<String> to,
    String apiHost,
    boolean allowInsecureHttp,
    RateLimit rateLimit,
    RetryPolicy retry,
    Duration timeout,
    int concurrency,
    String username)
    implements Serializable {

  /** The supported channel types, by their configuration names. */
  public enum ChannelType {
    SENDGRID,
    SLACK,
    DISCORD,
    TEAMS,
    WEBHOOK;

    public String configName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
