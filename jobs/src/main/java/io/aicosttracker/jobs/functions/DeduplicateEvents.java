package io.aicosttracker.jobs.functions;

import io.aicosttracker.core.records.UsageEvent;
import java.time.Duration;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Passes the first event of each {@code event_id} and sends later ones to
 * {@link PipelineTags#DUPLICATES}: producer retries and files loaded twice are counted once.
 *
 * <p>Keyed by event id. The seen-flag expires after {@code ttl} (processing time, the only TTL
 * Flink state offers), which bounds state; a duplicate arriving later than that is not caught.
 */
public class DeduplicateEvents extends KeyedProcessFunction<String, UsageEvent, UsageEvent> {
  private final Duration ttl;
  private transient ValueState<Boolean> seen;
  private transient LongCounter duplicates;
  private transient Counter duplicateMetric;

  public DeduplicateEvents(Duration ttl) {
    this.ttl = ttl;
  }

  static ValueStateDescriptor<Boolean> seenDescriptor(Duration ttl) {
    ValueStateDescriptor<Boolean> d = new ValueStateDescriptor<>("seen", Boolean.class);
    d.enableTimeToLive(
        StateTtlConfig.newBuilder(ttl)
            .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
            .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
            .build());
    return d;
  }

  @Override
  public void open(OpenContext openContext) {
    seen = getRuntimeContext().getState(seenDescriptor(ttl));
    duplicates = getRuntimeContext().getLongCounter(PipelineCounters.DUPLICATES);
    duplicateMetric = getRuntimeContext().getMetricGroup().counter("eventsDuplicate");
  }

  @Override
  public void processElement(UsageEvent e, Context ctx, Collector<UsageEvent> out) throws Exception {
    if (seen.value() != null) {
      duplicates.add(1);
      duplicateMetric.inc();
      ctx.output(PipelineTags.DUPLICATES, e);
      return;
    }
    seen.update(Boolean.TRUE);
    out.collect(e);
  }
}
