package io.aicosttracker.jobs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.aicosttracker.connectors.records.ParsedRecord;
import io.aicosttracker.core.records.DeadLetter;
import io.aicosttracker.core.records.UsageEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.BoundedOutOfOrdernessWatermarks;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

/** A reject's timestamp (Kafka: about now) must not move the watermark of a backfill. */
class EventsOnlyWatermarksTest {
  @Test
  void deadLettersDoNotMoveTheWatermark() {
    EventsOnlyWatermarks g = new EventsOnlyWatermarks(new BoundedOutOfOrdernessWatermarks<>(Duration.ZERO));
    List<Long> marks = new ArrayList<>();
    WatermarkOutput out = new WatermarkOutput() {
      @Override public void emitWatermark(Watermark w) { marks.add(w.getTimestamp()); }
      @Override public void markIdle() {}
      @Override public void markActive() {}
    };
    UsageEvent old = new UsageEvent();
    old.timestamp = 1_000_000L;
    g.onEvent(ParsedRecord.ofEvent(old), old.timestamp, out);
    g.onEvent(ParsedRecord.ofDeadLetter(new DeadLetter()), 1_800_000_000_000L, out); // a reject's Kafka timestamp: now
    g.onPeriodicEmit(out);
    assertThat(marks).containsExactly(1_000_000L - 1);
  }
}
