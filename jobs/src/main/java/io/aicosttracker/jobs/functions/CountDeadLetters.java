package io.aicosttracker.jobs.functions;

import io.aicosttracker.connectors.jdbc.DeadLetterCountRow;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Running total per (hour, origin, reason), emitted at most once per {@code flushInterval} and at
 * the end of input.
 *
 * <p>The output is the full count so far, never an increment: the upsert into
 * {@code dead_letter_counts} replaces the row, so re-emitting after a restore from a checkpoint
 * (state = the checkpointed count, then the replayed records again) ends at the exact count.
 * Emitting a running total rather than a window result keeps the count visible within the hour
 * and needs no event time, which rejected records do not have.
 *
 * <p>State expires {@code retention} after the key's last record; a record for the same hour
 * arriving even later would restart its count (and overwrite the row) at 1.
 */
public class CountDeadLetters extends KeyedProcessFunction<String, DeadLetterCountRow, DeadLetterCountRow> {
  private final long flushIntervalMs;
  private final Duration retention;
  private transient ValueState<DeadLetterCountRow> total;
  private transient ValueState<Boolean> flushPending;

  public CountDeadLetters(Duration flushInterval, Duration retention) {
    this.flushIntervalMs = flushInterval.toMillis();
    this.retention = retention;
  }

  @Override
  public void open(OpenContext openContext) {
    StateTtlConfig ttl = StateTtlConfig.newBuilder(retention).setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite).build();
    ValueStateDescriptor<DeadLetterCountRow> t = new ValueStateDescriptor<>("total", TypeInformation.of(DeadLetterCountRow.class));
    t.enableTimeToLive(ttl);
    ValueStateDescriptor<Boolean> f = new ValueStateDescriptor<>("flush-pending", Boolean.class);
    f.enableTimeToLive(ttl);
    total = getRuntimeContext().getState(t);
    flushPending = getRuntimeContext().getState(f);
  }

  @Override
  public void processElement(DeadLetterCountRow r, Context ctx, Collector<DeadLetterCountRow> out) throws Exception {
    DeadLetterCountRow t = total.value();
    if (t == null) {
      t = copy(r, 0);
      // end of input (a bounded run, a drain): the final watermark fires this timer once
      ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }
    t.count += r.count;
    total.update(t);
    if (flushPending.value() == null) {
      flushPending.update(Boolean.TRUE);
      ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + flushIntervalMs);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<DeadLetterCountRow> out) throws Exception {
    flushPending.clear();
    DeadLetterCountRow t = total.value();
    if (t != null) out.collect(copy(t, t.count));
  }

  private static DeadLetterCountRow copy(DeadLetterCountRow r, long count) {
    DeadLetterCountRow c = new DeadLetterCountRow();
    c.bucketStart = r.bucketStart;
    c.origin = r.origin;
    c.reason = r.reason;
    c.count = count;
    return c;
  }
}
