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
import io.aicosttracker.core.forecast.Forecast;
import io.aicosttracker.core.forecast.ForecastScopes;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class BudgetSpendFunctionTest {
  private static final ZoneId UTC = ZoneId.of("UTC");

  private static long t(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  private static Budget daily(String id, double amount, boolean forecast, ZoneId zone) {
    return new Budget(id, BudgetScope.ALL, amount, BudgetPeriod.daily(zone), Budget.DEFAULT_THRESHOLDS, forecast, 0.2, List.of());
  }

  private static KeyedTwoInputStreamOperatorTestHarness<String, BudgetCharge, Forecast, AlertEvent> harness(Budget... budgets) throws Exception {
    KeyedTwoInputStreamOperatorTestHarness<String, BudgetCharge, Forecast, AlertEvent> h =
        new KeyedTwoInputStreamOperatorTestHarness<>(
            new KeyedCoProcessOperator<>(new BudgetSpendFunction(List.of(budgets), Duration.ofDays(2))), c -> c.budgetId,
            f -> ForecastScopes.budgetId(f.scope), Types.STRING);
    h.open();
    return h;
  }

  private static void charge(KeyedTwoInputStreamOperatorTestHarness<String, BudgetCharge, Forecast, AlertEvent> h, String budget, String at, double usd)
      throws Exception {
    long ts = t(at);
    h.processElement1(new BudgetCharge(budget, ts, usd, "e-" + ts), ts);
  }

  private static List<BudgetStatus> statuses(KeyedTwoInputStreamOperatorTestHarness<String, BudgetCharge, Forecast, AlertEvent> h) {
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
    h.processBothWatermarks(new Watermark(t("2026-03-10T04:00:00Z"))); // 16.7 % elapsed: still too early
    assertThat(h.extractOutputValues()).isEmpty();
    h.processBothWatermarks(new Watermark(t("2026-03-10T05:00:00Z"))); // 20.8 % elapsed, $25 -> $120 projected
    List<AlertEvent> out = h.extractOutputValues();
    assertThat(out).hasSize(1);
    AlertEvent f = out.get(0);
    assertThat(f.kind).isEqualTo(AlertEvent.BUDGET_FORECAST);
    assertThat(f.projectedSpend).isCloseTo(120.0, within(1e-9));
    assertThat(Instant.ofEpochMilli(f.exhaustionTime)).isEqualTo(Instant.parse("2026-03-10T20:00:00Z"));
    charge(h, "b", "2026-03-10T06:00:00Z", 10);
    h.processBothWatermarks(new Watermark(t("2026-03-10T12:00:00Z")));
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
    h.processBothWatermarks(new Watermark(t("2026-03-10T06:00:00Z")));
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

  private static KeyedTwoInputStreamOperatorTestHarness<String, BudgetCharge, Forecast, AlertEvent> restore(OperatorSubtaskState state) throws Exception {
    var h =
        new KeyedTwoInputStreamOperatorTestHarness<>(
            new KeyedCoProcessOperator<>(new BudgetSpendFunction(List.of(daily("b", 100, false, UTC)), Duration.ofDays(2))),
            (BudgetCharge c) -> c.budgetId, (Forecast f) -> ForecastScopes.budgetId(f.scope), Types.STRING);
    h.initializeState(state);
    h.open();
    return h;
  }

  @Test
  void lateEventForTheClosedPeriodCountsThereOnce() throws Exception {
    var h = harness(daily("b", 100, false, UTC));
    charge(h, "b", "2026-03-10T10:00:00Z", 45);
    charge(h, "b", "2026-03-11T01:00:00Z", 5);
    h.processBothWatermarks(new Watermark(t("2026-03-11T02:00:00Z")));
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
    h.processBothWatermarks(new Watermark(t("2026-03-09T06:00:00Z")));
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

  // ---- the cost forecast of the budget's scope (second input) ----

  private static Budget monthly(String id, double amount) {
    return new Budget(id, BudgetScope.ALL, amount, BudgetPeriod.monthly(UTC, 1), Budget.DEFAULT_THRESHOLDS, true, 0.2, List.of());
  }

  private static Forecast forecast(String budget, String origin, String status, double perDay, int days) {
    Forecast f = new Forecast();
    f.scope = ForecastScopes.budget(budget);
    f.status = status;
    f.originDate = origin;
    f.horizonDays = days;
    if (Forecast.OK.equals(status)) {
      f.forecastModel = "ols_trend_dow";
      f.backtestMape = 0.05;
      f.dailyPathUsd = new double[days];
      java.util.Arrays.fill(f.dailyPathUsd, perDay);
    }
    return f;
  }

  private static void send(KeyedTwoInputStreamOperatorTestHarness<String, BudgetCharge, Forecast, AlertEvent> h, Forecast f) throws Exception {
    // emitted by the daily forecast's timer at the last millisecond of the day before the origin
    h.processElement2(f, t(f.originDate + "T00:00:00Z") - 1);
  }

  @Test
  void forecastOverrunAlertsBeforeTheBurnRateCanAndOncePerPeriod() throws Exception {
    var h = harness(monthly("m", 300));
    charge(h, "m", "2026-03-02T00:30:00Z", 10); // 3 % into March: the burn rate may not project yet (min elapsed 20 %)
    assertThat(h.extractOutputValues()).isEmpty();
    send(h, forecast("m", "2026-03-02", Forecast.OK, 12, 30)); // $12/day for the rest of March: $10 + 12 x 29.98 days
    List<AlertEvent> out = h.extractOutputValues();
    assertThat(out).hasSize(1);
    AlertEvent a = out.get(0);
    assertThat(a.kind).isEqualTo(AlertEvent.BUDGET_FORECAST);
    assertThat(a.alertId).isEqualTo(io.aicosttracker.core.alert.AlertIds.of(AlertEvent.BUDGET_FORECAST, "budget:m", t("2026-03-01T00:00:00Z"), "forecast"));
    assertThat(a.projectedSpend).isCloseTo(10 + 12 * (31 - 1 - 0.5 / 24), within(1e-6));
    // $290 left at $12/day from 00:30 on March 2: 24 days 4 hours later
    assertThat(a.exhaustionTime).isCloseTo(t("2026-03-26T04:30:00Z"), org.assertj.core.data.Offset.offset(1000L));
    assertThat(a.message).contains("cost forecast (ols_trend_dow, back-test error 5.0%)").contains("2026-03-26T04:30");

    // statuses carry both projections
    h.processBothWatermarks(new Watermark(t("2026-03-02T01:00:00Z")));
    BudgetStatus st = statuses(h).get(statuses(h).size() - 1);
    assertThat(st.asOf).isEqualTo(t("2026-03-02T01:00:00Z"));
    assertThat(st.forecastProjectedSpendUsd).isCloseTo(10 + 12 * (30 - 1.0 / 24), within(1e-6));
    assertThat(st.forecastExhaustion).isCloseTo(t("2026-03-26T05:00:00Z"), org.assertj.core.data.Offset.offset(1000L));
    assertThat(st.forecastModel).isEqualTo("ols_trend_dow");
    assertThat(st.forecastOrigin).isEqualTo("2026-03-02");
    assertThat(st.projectedSpendUsd).isCloseTo(10.0 / 25 * 31 * 24, within(1e-6)); // the burn rate's, alongside

    // once per period: a newer, higher forecast and a burn-rate overrun later in March add nothing
    send(h, forecast("m", "2026-03-03", Forecast.OK, 30, 30));
    charge(h, "m", "2026-03-10T00:00:00Z", 200);
    assertThat(h.extractOutputValues()).extracting(x -> x.kind + ":" + x.thresholdValue)
        .containsExactly(AlertEvent.BUDGET_FORECAST + ":300.0", AlertEvent.BUDGET_THRESHOLD + ":150.0");
  }

  @Test
  void burnRateOverrunAlertsWhenTheForecastDoesNot() throws Exception {
    var h = harness(daily("d", 100, true, UTC));
    send(h, forecast("d", "2026-03-10", Forecast.OK, 50, 30)); // the forecast expects $50 today
    charge(h, "d", "2026-03-10T06:00:00Z", 40); // 25 % of the day: burn rate projects $160, the forecast $40 + 0.75 x 50
    List<AlertEvent> out = h.extractOutputValues();
    assertThat(out).hasSize(1);
    assertThat(out.get(0).kind).isEqualTo(AlertEvent.BUDGET_FORECAST);
    assertThat(out.get(0).projectedSpend).isCloseTo(160.0, within(1e-9));
    assertThat(out.get(0).exhaustionTime).isEqualTo(t("2026-03-10T15:00:00Z"));
    assertThat(out.get(0).message).contains("at $6.67/h").contains("the cost forecast projects $77.50");
  }

  @Test
  void forecastUnderTheAmountAloneDoesNotAlert() throws Exception {
    var h = harness(monthly("m", 300));
    charge(h, "m", "2026-03-02T00:30:00Z", 5);
    send(h, forecast("m", "2026-03-02", Forecast.OK, 9, 30)); // $5 + 9 x 29.98 = $274.8
    h.processBothWatermarks(new Watermark(t("2026-03-02T02:00:00Z")));
    assertThat(h.extractOutputValues()).isEmpty();
    BudgetStatus st = statuses(h).get(statuses(h).size() - 1);
    assertThat(st.forecastProjectedSpendUsd).isCloseTo(5 + 9 * (30 - 2.0 / 24), within(1e-6));
    assertThat(st.forecastExhaustion).isNull();
  }

  @Test
  void insufficientHistoryOrAStaleForecastGivesNoForecastAlert() throws Exception {
    var h = harness(monthly("m", 300));
    send(h, forecast("m", "2026-03-01", Forecast.OK, 50, 30)); // would overrun...
    send(h, forecast("m", "2026-03-02", Forecast.INSUFFICIENT_HISTORY, 0, 30)); // ...but the newer one has too little history
    charge(h, "m", "2026-03-02T00:30:00Z", 10);
    h.processBothWatermarks(new Watermark(t("2026-03-02T02:00:00Z")));
    assertThat(h.extractOutputValues()).isEmpty();
    assertThat(statuses(h)).isNotEmpty().allSatisfy(st -> assertThat(st.forecastProjectedSpendUsd).isNull());

    var stale = harness(monthly("s", 300));
    send(stale, forecast("s", "2026-03-01", Forecast.OK, 50, 30));
    charge(stale, "s", "2026-03-05T00:30:00Z", 10); // 4 days after the origin: older than MAX_FORECAST_AGE_MS
    assertThat(stale.extractOutputValues()).isEmpty();
  }
}
