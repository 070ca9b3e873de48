package io.aicosttracker.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.aicosttracker.core.records.AlertEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class CostAnomalyFunctionTest {
  private static final long H = 3_600_000L;
  private static final long START = Instant.parse("2026-09-01T00:00:00Z").toEpochMilli();

  private static KeyedOneInputStreamOperatorTestHarness<String, SeriesCost, AlertEvent> harness() throws Exception {
    return open(null);
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, SeriesCost, AlertEvent> open(OperatorSubtaskState state) throws Exception {
    var h = new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(new CostAnomalyFunction(AnomalyOptions.hourly())), SeriesCost::seriesKey, Types.STRING);
    if (state != null) h.initializeState(state);
    h.open();
    return h;
  }

  private static SeriesCost point(int hour, double cost, String user) {
    SeriesCost s = new SeriesCost();
    s.project = "search";
    s.provider = "openai";
    s.model = "gpt-4o";
    s.windowStart = START + hour * H;
    s.costUsd = cost;
    s.events = 10;
    s.costByUser = new java.util.HashMap<>(Map.of(user, cost));
    s.costByTeam = new java.util.HashMap<>(Map.of("discovery", cost));
    return s;
  }

  /** Feeds windows the way the window operator emits them: the record, then the watermark. */
  private static void feed(KeyedOneInputStreamOperatorTestHarness<String, SeriesCost, AlertEvent> h, SeriesCost s) throws Exception {
    h.processElement(s, s.windowStart + H - 1);
    h.processWatermark(s.windowStart + H - 1);
  }

  /** Normal cost around $2 per hour, with seeded noise. */
  private static double normal(Random r) {
    return 2 + 0.2 * r.nextGaussian();
  }

  private static void history(KeyedOneInputStreamOperatorTestHarness<String, SeriesCost, AlertEvent> h, int hours) throws Exception {
    Random r = new Random(7);
    for (int i = 0; i < hours; i++) feed(h, point(i, normal(r), "user-" + (i % 5)));
  }

  @Test
  void spikeAfterMinimumHistoryAlertsOnceWithScoreExpectedAndContributors() throws Exception {
    var h = harness();
    history(h, 15 * 24);
    assertThat(h.extractOutputValues()).isEmpty();
    feed(h, point(15 * 24, 12, "batch-runaway"));
    List<AlertEvent> out = h.extractOutputValues();
    assertThat(out).hasSize(1);
    AlertEvent a = out.get(0);
    assertThat(a.kind).isEqualTo(AlertEvent.COST_ANOMALY);
    assertThat(a.expectedValue).isCloseTo(2.0, within(0.1));
    assertThat(a.observedValue).isEqualTo(12.0);
    assertThat(a.dollarImpact).isCloseTo(10.0, within(0.1));
    assertThat(a.score).isGreaterThan(3);
    assertThat(a.topContributorsJson).contains("\"dimension\":\"user\",\"value\":\"batch-runaway\"").contains("\"share\":1.0000");
    assertThat(a.periodStart).isEqualTo(START + 15 * 24 * H);
  }

  @Test
  void scoreEqualsCommonsMathOverTheLast168PointsWithGapsAsZero() throws Exception {
    var h = harness();
    Random r = new Random(7);
    SummaryStatistics expected = new SummaryStatistics();
    int spikeHour = 15 * 24;
    for (int i = 0; i < spikeHour; i++) {
      double c = normal(r);
      boolean gap = i % 10 == 3; // hours without usage: no window is emitted at all
      if (!gap) feed(h, point(i, c, "u"));
      if (i >= spikeHour - 168) expected.addValue(gap ? 0 : c);
    }
    feed(h, point(spikeHour, 30, "u"));
    AlertEvent a = h.extractOutputValues().get(0);
    assertThat(a.expectedValue).isCloseTo(expected.getMean(), within(1e-9));
    assertThat(a.score).isCloseTo((30 - expected.getMean()) / expected.getStandardDeviation(), within(1e-9));
  }

  @Test
  void noAlertBeforeMinimumHistoryNorBelowTheDollarFloor() throws Exception {
    var h = harness();
    history(h, 13 * 24);
    feed(h, point(13 * 24, 50, "x")); // huge, but only 13 days of history
    assertThat(h.extractOutputValues()).isEmpty();
    var h2 = harness();
    Random r = new Random(3);
    for (int i = 0; i < 15 * 24; i++) feed(h2, point(i, 0.02 + 0.001 * r.nextGaussian(), "u"));
    feed(h2, point(15 * 24, 0.5, "u")); // z is enormous, but $0.48 is below the $1 floor
    assertThat(h2.extractOutputValues()).isEmpty();
  }

  @Test
  void incidentAlertsOnceResolvesOnceAndCooldownSuppressesFlapping() throws Exception {
    var h = harness();
    history(h, 15 * 24);
    int t = 15 * 24;
    feed(h, point(t, 12, "x")); // ALERT
    feed(h, point(t + 1, 14, "x")); // same incident: no new alert
    feed(h, point(t + 2, 2, "x")); // RESOLVED
    feed(h, point(t + 3, 13, "x")); // within the 6 h cooldown: suppressed
    feed(h, point(t + 4, 2, "x"));
    feed(h, point(t + 10, 15, "x")); // after the cooldown: a new incident
    List<AlertEvent> out = h.extractOutputValues();
    assertThat(out).extracting(a -> a.state + "@" + (a.periodStart - START) / H)
        .containsExactly("ALERT@360", "RESOLVED@360", "ALERT@370");
    assertThat(out).extracting(a -> a.alertId).doesNotHaveDuplicates();
  }

  @Test
  void correctedLateWindowReplacesItsPointInsteadOfAddingToIt() throws Exception {
    var h = harness();
    history(h, 15 * 24);
    int t = 15 * 24;
    feed(h, point(t, 2.1, "x"));
    // the window of hour t fires again with a late event: $2.3 in total, not 2.1 + 2.3
    h.processElement(point(t, 2.3, "x"), START + (t + 1) * H - 1);
    feed(h, point(t + 1, 2.0, "x"));
    assertThat(h.extractOutputValues()).isEmpty();
  }

  @Test
  void windowsEvaluateInOrderWithoutWatermarksAsInBatchMode() throws Exception {
    var h = harness();
    Random r = new Random(7);
    for (int i = 0; i < 15 * 24; i++) {
      SeriesCost s = point(i, normal(r), "u");
      h.processElement(s, s.windowStart + H - 1);
    }
    h.processElement(point(15 * 24, 20, "x"), START + (15 * 24 + 1) * H - 1);
    h.processElement(point(15 * 24 + 1, 2, "x"), START + (15 * 24 + 2) * H - 1);
    assertThat(h.extractOutputValues()).hasSize(1); // the spike, evaluated when the next hour arrived
    h.processWatermark(Long.MAX_VALUE); // end of input: the last window is evaluated by its timer
    assertThat(h.extractOutputValues()).extracting(a -> a.state).containsExactly("ALERT", "RESOLVED");
  }

  @Test
  void restoredDetectorKeepsHistoryAndOpenIncident() throws Exception {
    var h = harness();
    history(h, 15 * 24);
    feed(h, point(15 * 24, 12, "x"));
    assertThat(h.extractOutputValues()).hasSize(1);
    OperatorSubtaskState snap = h.snapshot(1L, 1L);
    h.close();
    var restored = open(snap);
    feed(restored, point(15 * 24 + 1, 13, "x")); // same incident after the restart: no new alert
    assertThat(restored.extractOutputValues()).isEmpty();
    feed(restored, point(15 * 24 + 2, 2, "x"));
    assertThat(restored.extractOutputValues()).extracting(a -> a.state).containsExactly("RESOLVED");
    restored.close();
  }
}
