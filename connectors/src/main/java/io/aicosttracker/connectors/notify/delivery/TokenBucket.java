package io.aicosttracker.connectors.notify.delivery;

import io.aicosttracker.connectors.notify.config.RateLimit;

/**
 * A token bucket that hands out reservations instead of blocking: {@link #reserve} takes a token
 * and says how long to wait until it is really available, so a backlog is spread at the sustained
 * rate without holding a thread per waiting message.
 */
public final class TokenBucket {
  private final double perNano;
  private final double burst;
  private double tokens;
  private long last;

  public TokenBucket(RateLimit limit, long nowNanos) {
    this.perNano = limit.perSecond() / 1e9;
    this.burst = limit.burst();
    this.tokens = burst;
    this.last = nowNanos;
  }

  /** Takes one token; returns the nanoseconds to wait before using it (0 when available now). */
  public synchronized long reserve(long nowNanos) {
    if (nowNanos > last) {
      tokens = Math.min(burst, tokens + (nowNanos - last) * perNano);
      last = nowNanos;
    }
    tokens -= 1;
    return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / perNano);
  }
}
