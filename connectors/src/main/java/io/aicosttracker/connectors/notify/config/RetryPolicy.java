package io.aicosttracker.connectors.notify.config;

import java.io.Serializable;
import java.time.Duration;

/**
 * Retries with exponential backoff and jitter: the delay after failed attempt {@code n} is {@code
 * initial * multiplier^(n-1)}, capped at {@code max}, then spread by +/- {@code jitter} (a
 * fraction) so many failing deliveries do not retry in lockstep. A server's {@code Retry-After}
 * is a floor the delay never goes below.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier, double jitter)
    implements Serializable {
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofMinutes(1), 2.0, 0.2);

  public RetryPolicy {
    if (maxAttempts < 1) throw new IllegalArgumentException("retry.max_attempts must be >= 1, got " + maxAttempts);
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("retry: need 0 <= initial_backoff_ms <= max_backoff_ms");
    }
    if (multiplier < 1) throw new IllegalArgumentException("retry.multiplier must be >= 1, got " + multiplier);
    if (jitter < 0 || jitter >= 1) throw new IllegalArgumentException("retry.jitter must be in [0, 1), got " + jitter);
  }

  /**
   * The wait before the next attempt after attempt {@code failedAttempt} (1-based) failed.
   *
   * @param retryAfter the server's Retry-After, or null
   * @param random a uniform number in [0, 1) for the jitter
   */
  public Duration delayAfter(int failedAttempt, Duration retryAfter, double random) {
    double base = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempt - 1));
    base = Math.min(base, maxBackoff.toMillis());
    long jittered = Math.round(base * (1 - jitter + 2 * jitter * random));
    long floor = retryAfter == null ? 0 : retryAfter.toMillis();
    return Duration.ofMillis(Math.max(jittered, floor));
  }
}
