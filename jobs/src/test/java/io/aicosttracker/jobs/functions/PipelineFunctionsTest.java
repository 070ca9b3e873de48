package io.aicosttracker.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.aicosttracker.core.records.CostAggregate;
import io.aicosttracker.core.records.PricedUsage;
import io.aicosttracker.core.records.UsageEvent;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** Operator-harness tests of the pipeline's stateful functions: output, side outputs and state. */
class PipelineFunctionsTest {
  private static final long HOUR = 3_600_000L;
  private static final long T0 = 1_790_000_000_000L / HOUR * HOUR;

  private static PricedUsage priced(String id, long ts, String model, double cost) {
    PricedUsage p = new PricedUsage();
    p.eventId = id;
    p.timestamp = ts;
    p.project = "p";
    p.provider = "openai";
    p.model = model;
    p.source = "api";
    p.inputTokens = 10;
    p.costUsd = cost;
    p.costBasis = PricedUsage.BASIS_CATALOG;
    return p;
  }

  private static OneInputStreamOperatorTestHarness<UsageEvent, UsageEvent> dedupeHarness(int parallelism, int index)
      throws Exception {
    return new OneInputStreamOperatorTestHarness<>(
        new ProcessOperator<>(new DeduplicateRecentEvents(Duration.ofDays(2))), parallelism * 16, parallelism, index);
  }

  /** Feeds the ids an instance owns under {@link DeduplicateRecentEvents#PARTITIONER}, as the job would. */
  private static void feedOwned(OneInputStreamOperatorTestHarness<UsageEvent, UsageEvent> h, List<String> ids, int parallelism, int index)
      throws Exception {
    for (String id : ids) {
      PricedUsage e = priced(id, T0, "m", 1);
      if (DeduplicateRecentEvents.PARTITIONER.partition(DeduplicateRecentEvents.KEY.getKey(e), parallelism) == index) {
        h.processElement(e, T0);
      }
    }
  }

  @Test
  void dedupePassesFirstAndSurvivesRestore() throws Exception {
    OperatorSubtaskState snapshot;
    try (var h = dedupeHarness(1, 0)) {
      h.open();
      h.processElement(priced("a", T0, "m", 1), T0);
      h.processElement(priced("b", T0, "m", 1), T0);
      h.processElement(priced("a", T0, "m", 1), T0);
      assertThat(h.extractOutputValues()).extracting(e -> e.eventId).containsExactly("a", "b");
      assertThat(h.getSideOutput(PipelineTags.DUPLICATES)).extracting(r -> r.getValue().eventId).containsExactly("a");
      snapshot = h.snapshot(1, T0);
    }
    try (var restored = dedupeHarness(1, 0)) {
      restored.initializeState(snapshot);
      restored.open();
      restored.processElement(priced("b", T0, "m", 1), T0);
      restored.processElement(priced("c", T0, "m", 1), T0);
      assertThat(restored.extractOutputValues()).extracting(e -> e.eventId).containsExactly("c");
      assertThat(restored.getSideOutput(PipelineTags.DUPLICATES)).extracting(r -> r.getValue().eventId).containsExactly("b");
    }
  }

  @Test
  void dedupeStateFollowsTheIdsAfterRescalingFromTwoInstancesToThree() throws Exception {
    List<String> first = java.util.stream.IntStream.range(0, 300).mapToObj(i -> "id-" + i).toList();
    OperatorSubtaskState[] parts = new OperatorSubtaskState[2];
    for (int i = 0; i < 2; i++) {
      try (var h = dedupeHarness(2, i)) {
        h.open();
        feedOwned(h, first, 2, i);
        parts[i] = h.snapshot(1, T0);
      }
    }
    OperatorSubtaskState merged = OneInputStreamOperatorTestHarness.repackageState(parts);
    List<String> replay = java.util.stream.IntStream.range(150, 450).mapToObj(i -> "id-" + i).toList();
    List<String> passed = new java.util.ArrayList<>();
    long duplicates = 0;
    for (int i = 0; i < 3; i++) {
      try (var h = dedupeHarness(3, i)) {
        h.initializeState(OneInputStreamOperatorTestHarness.repartitionOperatorState(merged, 48, 2, 3, i));
        h.open();
        feedOwned(h, replay, 3, i);
        h.extractOutputValues().forEach(e -> passed.add(e.eventId));
        duplicates += h.getSideOutput(PipelineTags.DUPLICATES) == null ? 0 : h.getSideOutput(PipelineTags.DUPLICATES).size();
      }
    }
    // ids 150..299 were seen before the rescale; only 300..449 are new
    assertThat(passed).containsExactlyInAnyOrderElementsOf(replay.subList(150, 300));
    assertThat(duplicates).isEqualTo(150);
  }

  @Test
  void lateEventsGoToTheSideOutputBeyondAllowedLateness() throws Exception {
    long lateness = 2 * 24 * HOUR;
    try (var h = new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(new DropLateEvents(lateness)))) {
      h.open();
      h.processWatermark(new Watermark(T0 + lateness + HOUR));
      h.processElement(priced("on-time", T0 + HOUR + 5, "m", 1), T0 + HOUR + 5); // hour ends at T0+2h: still within lateness
      h.processElement(priced("too-late", T0 + 5, "m", 1), T0 + 5); // hour ended at T0+1h, + 2 days <= watermark
      assertThat(h.extractOutputValues()).extracting(e -> e.eventId).containsExactly("on-time");
      assertThat(h.getSideOutput(PipelineTags.LATE)).extracting(r -> r.getValue().eventId).containsExactly("too-late");
    }
  }

  private static List<CostAggregate> aggregates(OneInputStreamOperatorTestHarness<PricedUsage, CostAggregate> h) {
    return h.getOutput().stream()
        .filter(o -> o instanceof StreamRecord)
        .map(o -> (CostAggregate) ((StreamRecord<?>) o).getValue())
        .collect(Collectors.toList());
  }

  @Test
  void combinerFlushesOnWatermarkBeforeForwardingIt() throws Exception {
    try (var h = new OneInputStreamOperatorTestHarness<>(new CombineHourlyPartials())) {
      h.open();
      h.processElement(priced("1", T0 + 10, "m", 1.0), T0 + 10);
      h.processElement(priced("2", T0 + 20, "m", 2.0), T0 + 20);
      h.processElement(priced("3", T0 + HOUR + 1, "m", 4.0), T0 + HOUR + 1);
      h.processElement(priced("4", T0 + 30, "other", 8.0), T0 + 30);
      assertThat(aggregates(h)).isEmpty();

      h.processWatermark(new Watermark(T0 + HOUR - 1));
      List<Object> out = List.copyOf(h.getOutput());
      assertThat(out).hasSize(3);
      assertThat(out.get(2)).isInstanceOf(Watermark.class);
      List<CostAggregate> first = aggregates(h);
      assertThat(first).extracting(a -> a.model + "=" + a.costUsd + "/" + a.events).containsExactlyInAnyOrder("m=3.0/2", "other=8.0/1");
      assertThat(first).allMatch(a -> a.windowStart == T0);

      // a late event for a flushed hour travels as a partial of its own
      h.processElement(priced("5", T0 + 40, "m", 16.0), T0 + 40);
      h.processWatermark(new Watermark(T0 + HOUR));
      assertThat(aggregates(h)).extracting(a -> a.costUsd).containsExactlyInAnyOrder(3.0, 8.0, 16.0);
    }
  }

  @Test
  void combinerFlushesEverythingBeforeACheckpointAndAtEndOfInput() throws Exception {
    try (var h = new OneInputStreamOperatorTestHarness<>(new CombineHourlyPartials())) {
      h.open();
      h.processElement(priced("1", T0, "m", 1.0), T0);
      h.prepareSnapshotPreBarrier(1);
      assertThat(aggregates(h)).extracting(a -> a.costUsd).containsExactly(1.0);
      h.processElement(priced("2", T0 + 5 * HOUR, "m", 2.0), T0 + 5 * HOUR);
      h.endInput();
      assertThat(aggregates(h)).extracting(a -> a.costUsd).containsExactly(1.0, 2.0);
    }
  }
}
