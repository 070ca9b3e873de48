package io.aicosttracker.connectors.notify;

import io.aicosttracker.connectors.notify.message.AlertMessage;

/**
 * Sends one rendered alert to one destination (an email address list, a Slack or Discord
 * webhook, a Teams workflow, a signed webhook).
 *
 * <p>One attempt, no retries: rate limits, retries with backoff, dedupe and the delivery log live
 * once in {@link io.aicosttracker.connectors.notify.delivery.ChannelDispatcher} around every
 * channel. An exception means the attempt did not get an HTTP answer (refused, timed out) and is
 * retried like a 5xx.
 */
@FunctionalInterface
public interface NotificationChannel {
  SendResult send(AlertMessage message) throws Exception;
}
