package io.aicosttracker.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.aicosttracker.core.records.AlertEvent;
import io.aicosttracker.core.records.PricedUsage;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class UnpricedUsageFunctionTest {
  private static KeyedOneInputStreamOperatorTestHarness<String, PricedUsage, AlertEvent> open(OperatorSubtaskState s) throws Exception {
    var h = new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(new UnpricedUsageFunction(Duration.ofDays(2))), (PricedUsage e) -> e.provider + "/" + e.model, Types.STRING);
    if (s != null) h.initializeState(s);
    h.open();
    return h;
  }

  private static void event(KeyedOneInputStreamOperatorTestHarness<String, PricedUsage, AlertEvent> h, String model, String at) throws Exception {
    PricedUsage e = new PricedUsage();
    e.eventId = model + at;
    e.provider = "selfhosted";
    e.model = model;
    e.project = "analytics";
    e.timestamp = Instant.parse(at).toEpochMilli();
    e.costBasis = PricedUsage.BASIS_UNPRICED;
    h.processElement(e, e.timestamp);
  }

  @Test
  void oncePerModelPerDayAcrossRestarts() throws Exception {
    var h = open(null);
    event(h, "llama-x", "2026-09-01T01:00:00Z");
    event(h, "llama-x", "2026-09-01T05:00:00Z");
    event(h, "llama-y", "2026-09-01T06:00:00Z");
    assertThat(h.extractOutputValues()).extracting(a -> a.model).containsExactly("llama-x", "llama-y");
    assertThat(h.extractOutputValues()).allSatisfy(a -> assertThat(a.kind).isEqualTo(AlertEvent.UNPRICED_USAGE));
    OperatorSubtaskState snap = h.snapshot(1L, 1L);
    h.close();
    var restored = open(snap);
    event(restored, "llama-x", "2026-09-01T23:00:00Z");
    assertThat(restored.extractOutputValues()).isEmpty();
    event(restored, "llama-x", "2026-09-02T00:10:00Z");
    assertThat(restored.extractOutputValues()).singleElement().satisfies(a -> assertThat(a.message).contains("2026-09-02"));
    restored.close();
  }
}
