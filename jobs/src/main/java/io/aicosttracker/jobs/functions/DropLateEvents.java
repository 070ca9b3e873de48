package io.aicosttracker.jobs.functions;

import io.aicosttracker.core.records.PricedUsage;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Sends events whose hourly window is already past the allowed lateness to
 * {@link PipelineTags#LATE}, and counts accepted events.
 *
 * <p>Deciding lateness once, before both window operators, keeps the hourly and daily aggregates
 * consistent: the window operators downstream see a watermark no later than this one, so an
 * event that passes here is on time for both (its daily window ends no earlier than its hour).
 */
public class DropLateEvents extends ProcessFunction<PricedUsage, PricedUsage> {
  private static final long HOUR = 3_600_000L;
  private final long allowedLatenessMillis;
  private transient LongCounter accepted;
  private transient LongCounter late;
  private transient Counter acceptedMetric;
  private transient Counter lateMetric;

  public DropLateEvents(long allowedLatenessMillis) {
    this.allowedLatenessMillis = allowedLatenessMillis;
  }

  @Override
  public void open(OpenContext openContext) {
    accepted = getRuntimeContext().getLongCounter(PipelineCounters.ACCEPTED);
    late = getRuntimeContext().getLongCounter(PipelineCounters.LATE);
    acceptedMetric = getRuntimeContext().getMetricGroup().counter("eventsAccepted");
    lateMetric = getRuntimeContext().getMetricGroup().counter("eventsLate");
  }

  @Override
  public void processElement(PricedUsage e, Context ctx, Collector<PricedUsage> out) {
    long hourEnd = Math.floorDiv(e.timestamp, HOUR) * HOUR + HOUR;
    long watermark = ctx.timerService().currentWatermark();
    // same rule as WindowOperator#isWindowLate: cleanup time = window max timestamp + lateness
    if (watermark != Long.MIN_VALUE && hourEnd - 1 + allowedLatenessMillis <= watermark) {
      late.add(1);
      lateMetric.inc();
      ctx.output(PipelineTags.LATE, e);
      return;
    }
    accepted.add(1);
    acceptedMetric.inc();
    out.collect(e);
  }
}
