package io.aicosttracker.connectors.notify.delivery;

import io.aicosttracker.connectors.notify.NotificationChannel;
import io.aicosttracker.connectors.notify.SendResult;
import io.aicosttracker.connectors.notify.config.RateLimit;
import io.aicosttracker.connectors.notify.config.RetryPolicy;
import io.aicosttracker.connectors.notify.message.AlertMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers messages to one channel: token-bucket rate limit, a small pool of sender threads of its
 * own (so a slow endpoint only ever occupies its own threads), and retries with exponential
 * backoff and jitter that honour {@code Retry-After}. Waiting (rate limit, backoff) happens on a
 * shared scheduler, never on a sender thread.
 *
 * <p>Each delivery completes with the log records of all its attempts; the last one is {@code
 * sent} or {@code failed}.
 */
public final class ChannelDispatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChannelDispatcher.class);

  private final String name;
  private final String type;
  private final NotificationChannel channel;
  private final TokenBucket bucket;
  private final RetryPolicy retry;
  private final Duration deliveryTimeout;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService senders;
  private final DeliveryListener listener;

  public ChannelDispatcher(
      String name,
      String type,
      NotificationChannel channel,
      RateLimit rateLimit,
      RetryPolicy retry,
      int concurrency,
      Duration deliveryTimeout,
      ScheduledExecutorService scheduler,
      DeliveryListener listener) {
    this.name = name;
    this.type = type;
    this.channel = channel;
    this.bucket = new TokenBucket(rateLimit, System.nanoTime());
    this.retry = retry;
    this.deliveryTimeout = deliveryTimeout;
    this.scheduler = scheduler;
    this.listener = listener;
    AtomicInteger n = new AtomicInteger();
    this.senders = Executors.newFixedThreadPool(concurrency, r -> {
      Thread t = new Thread(r, "notify-" + name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** Starts delivering {@code message}; completes with every attempt's log record, never exceptionally. */
  public CompletableFuture<List<NotificationDelivery>> deliver(AlertMessage message) {
    Delivery d = new Delivery(message);
    waitForToken(d);
    return d.future;
  }

  private void waitForToken(Delivery d) {
    long wait = bucket.reserve(System.nanoTime());
    try {
      if (wait <= 0) senders.execute(() -> attempt(d));
      else scheduler.schedule(() -> submit(d), wait, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      d.finish(SendResult.permanent("dispatcher closed"), NotificationDelivery.FAILED);
    }
  }

  private void submit(Delivery d) {
    try {
      senders.execute(() -> attempt(d));
    } catch (RejectedExecutionException e) {
      d.finish(SendResult.permanent("dispatcher closed"), NotificationDelivery.FAILED);
    }
  }

  private void attempt(Delivery d) {
    if (d.future.isDone()) return;
    d.attempts++;
    SendResult r;
    try {
      r = channel.send(d.message);
    } catch (Exception e) {
      // channels turn I/O failures into results; anything else is reported by type only (no secrets)
      r = SendResult.noAnswer(e.getClass().getSimpleName());
    }
    if (r.ok()) {
      listener.sent(name);
      d.finish(r, NotificationDelivery.SENT);
      return;
    }
    Duration delay = retry.delayAfter(d.attempts, r.retryAfter(), ThreadLocalRandom.current().nextDouble());
    boolean inTime = elapsedMs(d) + delay.toMillis() < deliveryTimeout.toMillis();
    if (r.retryable() && d.attempts < retry.maxAttempts() && inTime) {
      listener.retried(name);
      d.record(r, NotificationDelivery.RETRYING);
      try {
        scheduler.schedule(() -> waitForToken(d), delay.toMillis(), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        d.finish(SendResult.permanent("dispatcher closed"), NotificationDelivery.FAILED);
      }
      return;
    }
    listener.failed(name);
    String why = r.retryable() && !inTime && d.attempts < retry.maxAttempts() ? " (delivery timeout reached)" : "";
    LOG.warn("notification {} to channel {} failed after {} attempt(s): {}{}", d.message.alertId(), name, d.attempts, r.error(), why);
    d.finish(new SendResult(r.httpStatus(), false, false, null, r.error() + why), NotificationDelivery.FAILED);
  }

  private static long elapsedMs(Delivery d) {
    return (System.nanoTime() - d.startNanos) / 1_000_000;
  }

  public String name() {
    return name;
  }

  @Override
  public void close() {
    senders.shutdownNow();
  }

  /** One alert on its way to this channel. */
  private final class Delivery {
    final AlertMessage message;
    final long startNanos = System.nanoTime();
    final CompletableFuture<List<NotificationDelivery>> future = new CompletableFuture<>();
    final List<NotificationDelivery> records = new ArrayList<>();
    int attempts;

    Delivery(AlertMessage message) {
      this.message = message;
    }

    synchronized void record(SendResult r, String status) {
      NotificationDelivery rec = new NotificationDelivery();
      rec.alertId = message.alertId();
      rec.channel = name;
      rec.channelType = type;
      rec.kind = message.alert().kind;
      rec.severity = message.alert().severity;
      rec.status = status;
      rec.attempt = attempts;
      rec.httpStatus = r.httpStatus();
      rec.latencyMs = elapsedMs(this);
      rec.error = r.error();
      rec.timestamp = System.currentTimeMillis();
      records.add(rec);
    }

    synchronized void finish(SendResult r, String status) {
      if (future.isDone()) return;
      record(r, status);
      future.complete(List.copyOf(records));
    }
  }
}
