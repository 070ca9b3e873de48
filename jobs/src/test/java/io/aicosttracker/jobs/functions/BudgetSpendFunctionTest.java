package io.aicosttracker.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.aicosttracker.core.budget.Budget;
import io.aicosttracker.core.budget.BudgetPeriod;
import io.aicosttracker.core.budget.BudgetScope;
import io.aicosttracker.core.records.AlertEvent;
import io.aicosttracker.core.records.BudgetStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class BudgetSpendFunctionTest {
  private static final ZoneId UTC = ZoneId.of("UTC");

  private static long t(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  private static Budget daily(String id, double amount, boolean forecast, ZoneId zone) {
    return new Budget(id, BudgetScope.ALL, amount, BudgetPeriod.daily(zone), Budget.DEFAULT_THRESHOLDS, forecast, 0.2, List.of());
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, BudgetCharge, AlertEvent> harness(Budget... budgets) throws Exception {
    KeyedOneInputStreamOperatorTestHarness<String, BudgetCharge, AlertEvent> h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new BudgetSpendFunction(List.of(budgets), Duration.ofDays(2))), c -> c.budgetId, Types.STRING);
    h.open();
    return h;
  }

  private static void charge(KeyedOneInputStreamOperatorTestHarness<String, BudgetCharge, AlertEvent> h, String budget, String at, double usd)
      throws Exception {
    long ts = t(at);
    h.processElement(new BudgetCharge(budget, ts, usd, "e-" + ts), ts);
  }

  private static List<BudgetStatus> statuses(KeyedOneInputStreamOperatorTestHarness<String, BudgetCharge, AlertEvent> h) {
    var q = h.getSideOutput(BudgetSpendFunction.STATUS);
    return q == null ? List.of() : q.stream().map(StreamRecord::getValue).collect(Collectors.toList());
  }

  @Test
  void eachThresholdFiresOnceWhenTheCrossingEventIsProcessed() throws Exception {
    var h = harness(daily("b", 100, false, UTC));
    charge(h, "b", "2026-03-10T01:00:00Z", 30);
    assertThat(h.extractOutputValues()).isEmpty();
    charge(h, "b", "2026-03-10T02:00:00Z", 25); // 55: crosses 50
    List<AlertEvent> out = h.extractOutputValues();
    assertThat(out).hasSize(1);
    AlertEvent a = out.get(0);
    assertThat(a.kind).isEqualTo(AlertEvent.BUDGET_THRESHOLD);
    assertThat(a.thresholdValue).isEqualTo(50.0);
    assertThat(a.observedValue).isEqualTo(55.0);
    assertThat(a.severity).isEqualTo(AlertEvent.SEVERITY_WARNING);
    assertThat(a.eventTime).isEqualTo(t("2026-03-10T02:00:00Z"));
    assertThat(a.periodStart).isEqualTo(t("2026-03-10T00:00:00Z"));
    charge(h, "b", "2026-03-10T03:00:00Z", 1); // still between 50 and 80
    assertThat(h.extractOutputValues()).hasSize(1);
    charge(h, "b", "2026-03-10T04:00:00Z", 30); // 86: crosses 80
    charge(h, "b", "2026-03-10T05:00:00Z", 20); // 106: crosses 100
    charge(h, "b", "2026-03-10T06:00:00Z", 50); // already over: nothing new
    out = h.extractOutputValues();
    assertThat(out).extracting(x -> x.thresholdValue).containsExactly(50.0, 80.0, 100.0);
    assertThat(out.get(2).severity).isEqualTo(AlertEvent.SEVERITY_CRITICAL);
    assertThat(out).extracting(x -> x.alertId).doesNotHaveDuplicates();
  }

  @Test
  void oneEventCrossingSeveralThresholdsSendsOneAlertForTheHighest() throws Exception {
    var h = harness(daily("b", 100, false, UTC));
    charge(h, "b", "2026-03-10T01:00:00Z", 90);
    assertThat(h.extractOutputValues()).singleElement().satisfies(a -> assertThat(a.thresholdValue).isEqualTo(80.0));
    charge(h, "b", "2026-03-10T01:30:00Z", 10);
    assertThat(h.extractOutputValues()).extracting(a -> a.thresholdValue).containsExactly(80.0, 100.0);
  }

  @Test
  void newPeriodFiresAgainWithNewIdsAndTheOldPeriodResolves() throws Exception {
    var h = harness(daily("b", 100, false, UTC));
    charge(h, "b", "2026-03-10T10:00:00Z", 60);
    charge(h, "b", "2026-03-11T10:00:00Z", 60);
    List<AlertEvent> out = h.extractOutputValues();
    assertThat(out).extracting(a -> a.state).containsExactly("ALERT", "RESOLVED", "ALERT");
    assertThat(out.get(0).alertId).isNotEqualTo(out.get(2).alertId);
    assertThat(out.get(1).periodStart).isEqualTo(t("2026-03-10T00:00:00Z"));
  }

  @Test
  void forecastFiresOnceAfterTheMinimumElapsedShareWithExhaustionTime() throws Exception {
    var h = harness(daily("b", 100, true, UTC));
    charge(h, "b", "2026-03-10T01:00:00Z", 15); // projects to $360, but only 4 % of the day has passed
    charge(h, "b", "2026-03-10T03:00:00Z", 10);
    assertThat(h.extractOutputValues()).isEmpty();
    h.processWatermark(t("2026-03-10T04:00:00Z")); // 16.7 % elapsed: still too early
    assertThat(h.extractOutputValues()).isEmpty();
    h.processWatermark(t("2026-03-10T05:00:00Z")); // 20.8 % elapsed, $25 -> $120 projected
    List<AlertEvent> out = h.extractOutputValues();
    assertThat(out).hasSize(1);
    AlertEvent f = out.get(0);
    assertThat(f.kind).isEqualTo(AlertEvent.BUDGET_FORECAST);
    assertThat(f.projectedSpend).isCloseTo(120.0, within(1e-9));
    assertThat(Instant.ofEpochMilli(f.exhaustionTime)).isEqualTo(Instant.parse("2026-03-10T20:00:00Z"));
    charge(h, "b", "2026-03-10T06:00:00Z", 10);
    h.processWatermark(t("2026-03-10T12:00:00Z"));
    assertThat(h.extractOutputValues()).hasSize(1);
  }

  @Test
  void forecastFiresOnTheEventThatMakesTheProjectionExceedTheBudget() throws Exception {
    var h = harness(daily("b", 100, true, UTC));
    charge(h, "b", "2026-03-10T06:00:00Z", 10); // 25 % elapsed, $40 projected
    assertThat(h.extractOutputValues()).isEmpty();
    charge(h, "b", "2026-03-10T12:00:00Z", 45); // $55 at half time: $110 projected
    assertThat(h.extractOutputValues())
        .extracting(a -> a.kind)
        .containsExactly(AlertEvent.BUDGET_THRESHOLD, AlertEvent.BUDGET_FORECAST);
  }

  @Test
  void statusAtEveryHourFromTimersAndFromEventsWithoutWatermarks() throws Exception {
    var h = harness(daily("b", 100, false, UTC));
    charge(h, "b", "2026-03-10T01:10:00Z", 10);
    // BATCH mode: no watermark until the end; an event past boundaries catches the statuses up
    charge(h, "b", "2026-03-10T04:30:00Z", 20);
    List<BudgetStatus> s = statuses(h);
    assertThat(s).extracting(x -> Instant.ofEpochMilli(x.asOf).toString())
        .containsExactly("2026-03-10T02:00:00Z", "2026-03-10T03:00:00Z", "2026-03-10T04:00:00Z");
    assertThat(s).allSatisfy(x -> assertThat(x.spendUsd).isEqualTo(10.0));
    assertThat(s.get(0).burnRateUsdPerHour).isCloseTo(5.0, within(1e-9));
    assertThat(s.get(0).projectedSpendUsd).isCloseTo(120.0, within(1e-9));
    // STREAMING: the watermark fires the hourly timers
    h.processWatermark(t("2026-03-10T06:00:00Z"));
    s = statuses(h);
    assertThat(s).hasSize(5);
    assertThat(s.get(4).asOf).isEqualTo(t("2026-03-10T06:00:00Z"));
    assertThat(s.get(4).spendUsd).isEqualTo(30.0);
    assertThat(s.get(4).percentUsed).isEqualTo(30.0);
  }

  @Test
  void restoredStateNeverFiresTheSameAlertTwiceAndReplaysKeepTheirIds() throws Exception {
    var h = harness(daily("b", 100, false, UTC));
    charge(h, "b", "2026-03-10T01:00:00Z", 40);
    OperatorSubtaskState beforeCrossing = h.snapshot(1L, 1L);
    charge(h, "b", "2026-03-10T02:00:00Z", 20); // crosses 50
    String firstId = h.extractOutputValues().get(0).alertId;
    OperatorSubtaskState afterCrossing = h.snapshot(2L, 2L);
    h.close();

    // restart from the checkpoint after the crossing: spend and fired thresholds survive
    var restored = restore(afterCrossing);
    charge(restored, "b", "2026-03-10T03:00:00Z", 5); // 65: 50 % already fired
    assertThat(restored.extractOutputValues()).isEmpty();
    charge(restored, "b", "2026-03-10T04:00:00Z", 20); // 85: 80 % fires once
    assertThat(restored.extractOutputValues()).extracting(a -> a.thresholdValue).containsExactly(80.0);
    restored.close();

    // restart from the checkpoint before the crossing: the replayed event gives the same alert id
    var replayed = restore(beforeCrossing);
    charge(replayed, "b", "2026-03-10T02:00:00Z", 20);
    assertThat(replayed.extractOutputValues()).extracting(a -> a.alertId).containsExactly(firstId);
    replayed.close();
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, BudgetCharge, AlertEvent> restore(OperatorSubtaskState state) throws Exception {
    var h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new BudgetSpendFunction(List.of(daily("b", 100, false, UTC)), Duration.ofDays(2))),
            (BudgetCharge c) -> c.budgetId, Types.STRING);
    h.initializeState(state);
    h.open();
    return h;
  }

  @Test
  void lateEventForTheClosedPeriodCountsThereOnce() throws Exception {
    var h = harness(daily("b", 100, false, UTC));
    charge(h, "b", "2026-03-10T10:00:00Z", 45);
    charge(h, "b", "2026-03-11T01:00:00Z", 5);
    h.processWatermark(t("2026-03-11T02:00:00Z"));
    charge(h, "b", "2026-03-10T23:00:00Z", 10); // late, within retention: the old period reaches 55 %
    List<AlertEvent> out = h.extractOutputValues();
    assertThat(out).hasSize(1);
    assertThat(out.get(0).periodStart).isEqualTo(t("2026-03-10T00:00:00Z"));
    assertThat(out.get(0).observedValue).isEqualTo(55.0);
  }

  @Test
  void newYorkDailyPeriodOnSpringForwardDayEndsAfter23HoursAndResolves() throws Exception {
    var h = harness(daily("ny", 100, false, ZoneId.of("America/New_York")));
    charge(h, "ny", "2026-03-08T12:00:00Z", 120);
    h.processWatermark(t("2026-03-09T06:00:00Z"));
    List<AlertEvent> out = h.extractOutputValues();
    assertThat(out).extracting(a -> a.state).containsExactly("ALERT", "RESOLVED");
    assertThat(out.get(0).periodStart).isEqualTo(t("2026-03-08T05:00:00Z"));
    assertThat(out.get(0).periodEnd).isEqualTo(t("2026-03-09T04:00:00Z"));
    List<BudgetStatus> s = statuses(h);
    BudgetStatus last = s.get(s.size() - 1);
    assertThat(last.asOf).isEqualTo(t("2026-03-09T04:00:00Z"));
    assertThat(last.periodLabel).isEqualTo("2026-03-08");
    assertThat(last.timeZone).isEqualTo("America/New_York");
    assertThat(last.state).isEqualTo("ALERT");
  }
}
