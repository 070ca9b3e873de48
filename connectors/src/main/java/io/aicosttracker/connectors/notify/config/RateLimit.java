package io.aicosttracker.connectors.notify.config;

import java.io.Serializable;

/** A token bucket's settings: sustained messages per second and the burst allowed on top. */
public record RateLimit(double perSecond, int burst) implements Serializable {
  /** One message per second with bursts of five: safe for Slack, Discord and Teams webhooks. */
  public static final RateLimit DEFAULT = new RateLimit(1.0, 5);

  public RateLimit {
    if (!(perSecond > 0)) throw new IllegalArgumentException("rate_limit.per_second must be > 0, got " + perSecond);
    if (burst < 1) throw new IllegalArgumentException("rate_limit.burst must be >= 1, got " + burst);
  }
}
