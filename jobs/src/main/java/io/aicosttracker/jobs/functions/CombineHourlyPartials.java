package io.aicosttracker.jobs.functions;

import io.aicosttracker.core.records.CostAggregate;
import io.aicosttracker.core.records.PricedUsage;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Sums priced events per (UTC hour, project, provider, model, source) inside each parallel
 * instance, before the shuffle to the window operators, and emits the partial sums.
 *
 * <p>Why: a keyed window in BATCH mode sorts and shuffles every record it receives; sending a
 * few partial sums per hour instead of every event was the largest single speed-up measured
 * here. Partials are deltas, so the hourly and daily windows downstream simply add them, and a
 * late event (after its hour was flushed) travels as a partial of its own and corrects the
 * window it belongs to.
 *
 * <p>A partial is flushed when the watermark passes its hour (before the watermark is forwarded,
 * so downstream never sees it as late), before every checkpoint barrier (nothing buffered needs
 * to be in state), and at end of input. The final watermark of a bounded input arrives before
 * {@link #endInput()}, so both flush: a combiner that flushed only in {@code endInput} lost
 * rows in a trial here.
 */
public class CombineHourlyPartials extends AbstractStreamOperator<CostAggregate>
    implements OneInputStreamOperator<PricedUsage, CostAggregate>, BoundedOneInput {
  private static final long HOUR = 3_600_000L;

  private record PartialKey(long hourStart, String project, String provider, String model, String source) {}

  private transient Map<PartialKey, CostAggregate> partials;

  @Override
  public void open() throws Exception {
    super.open();
    partials = new HashMap<>();
  }

  @Override
  public void processElement(StreamRecord<PricedUsage> record) {
    PricedUsage e = record.getValue();
    long hourStart = Math.floorDiv(e.timestamp, HOUR) * HOUR;
    PartialKey key = new PartialKey(hourStart, e.project, e.provider, e.model, e.source);
    CostAggregate acc = partials.get(key);
    if (acc == null) {
      acc = new CostAggregate();
      acc.granularity = CostAggregate.HOUR;
      acc.windowStart = hourStart;
      acc.project = e.project;
      acc.provider = e.provider;
      acc.model = e.model;
      acc.source = e.source;
      partials.put(key, acc);
    }
    acc.add(e);
  }

  @Override
  public void processWatermark(Watermark mark) throws Exception {
    flushUpTo(mark.getTimestamp());
    super.processWatermark(mark);
  }

  @Override
  public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
    super.prepareSnapshotPreBarrier(checkpointId);
    flushUpTo(Long.MAX_VALUE);
  }

  @Override
  public void endInput() {
    flushUpTo(Long.MAX_VALUE);
  }

  @Override
  public void finish() throws Exception {
    flushUpTo(Long.MAX_VALUE);
    super.finish();
  }

  /** Emits every partial whose hour ends at or before {@code watermark}, stamped with its hour start. */
  private void flushUpTo(long watermark) {
    if (partials.isEmpty()) return;
    Iterator<Map.Entry<PartialKey, CostAggregate>> it = partials.entrySet().iterator();
    while (it.hasNext()) {
      CostAggregate a = it.next().getValue();
      if (watermark == Long.MAX_VALUE || a.windowStart + HOUR - 1 <= watermark) {
        output.collect(new StreamRecord<>(a, a.windowStart));
        it.remove();
      }
    }
  }
}
