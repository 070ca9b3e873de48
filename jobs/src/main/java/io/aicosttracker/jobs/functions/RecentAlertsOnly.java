package io.aicosttracker.jobs.functions;

import io.aicosttracker.core.records.AlertEvent;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;
import org.apache.flink.metrics.Counter;

/**
 * Lets through to the notification channels only alerts whose event time is recent.
 *
 * <p>A backfill or a replay of last quarter's usage recomputes last quarter's alerts; they belong
 * in the alerts table and files, not in today's inboxes (and at one message per second per
 * channel they would also hold up the run). Stale alerts are counted, not sent.
 */
public class RecentAlertsOnly extends RichFilterFunction<AlertEvent> {
  private final long maxAgeMillis;
  private transient Counter stale;

  public RecentAlertsOnly(Duration maxAge) {
    this.maxAgeMillis = maxAge.toMillis();
  }

  @Override
  public void open(OpenContext openContext) {
    stale = getRuntimeContext().getMetricGroup().counter("alertsNotSentStale");
  }

  @Override
  public boolean filter(AlertEvent alert) {
    boolean recent = alert.eventTime >= System.currentTimeMillis() - maxAgeMillis;
    if (!recent) stale.inc();
    return recent;
  }
}
