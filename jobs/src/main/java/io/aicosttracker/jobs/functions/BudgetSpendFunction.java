package io.aicosttracker.jobs.functions;

import io.aicosttracker.core.alert.AlertIds;
import io.aicosttracker.core.budget.Budget;
import io.aicosttracker.core.budget.BudgetPeriod;
import io.aicosttracker.core.budget.BurnRate;
import io.aicosttracker.core.records.AlertEvent;
import io.aicosttracker.core.records.BudgetStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Per budget (key: budget id): spend so far in each period, burn rate and projected spend;
 * emits {@code BUDGET_THRESHOLD} when the event that crosses a threshold is processed,
 * {@code BUDGET_FORECAST} once per period, and a {@link BudgetStatus} at every hour boundary
 * (event time) to {@link #STATUS}.
 *
 * <p>Each period's state (spend, fired thresholds, forecast fired, level OK / WARN / ALERT) is
 * keyed state, so a restart from a checkpoint, a replay or a late event never fires the same
 * alert twice; a period ends with a {@code RESOLVED} event when it had alerted. Alert ids are
 * deterministic ({@link AlertIds}), so even a replay past the last checkpoint produces the same
 * ids for downstream de-duplication.
 *
 * <p>Works in STREAMING and BATCH mode: hourly statuses are emitted by event-time timers and,
 * because BATCH fires timers only at the end of input, also caught up when an event past the
 * next boundary arrives (BATCH sorts each key's input by timestamp).
 */
public class BudgetSpendFunction extends KeyedProcessFunction<String, BudgetCharge, AlertEvent> {
  public static final OutputTag<BudgetStatus> STATUS = new OutputTag<>("budget-status", TypeInformation.of(BudgetStatus.class));
  static final long HOUR = 3_600_000L;

  private final List<Budget> budgets;
  private final long retentionMillis;
  private transient Map<String, Budget> byId;
  private transient MapState<Long, BudgetPeriodState> periods;

  /**
   * @param retention how long a closed period's state is kept for late events (the pipeline's
   *     allowed lateness)
   */
  public BudgetSpendFunction(List<Budget> budgets, Duration retention) {
    this.budgets = List.copyOf(budgets);
    this.retentionMillis = retention.toMillis();
  }

  static MapStateDescriptor<Long, BudgetPeriodState> periodsDescriptor() {
    return new MapStateDescriptor<>("budget-periods", Types.LONG, TypeInformation.of(BudgetPeriodState.class));
  }

  @Override
  public void open(OpenContext openContext) {
    byId = new HashMap<>();
    for (Budget b : budgets) byId.put(b.id(), b);
    periods = getRuntimeContext().getMapState(periodsDescriptor());
  }

  @Override
  public void processElement(BudgetCharge c, Context ctx, Collector<AlertEvent> out) throws Exception {
    Budget b = byId.get(c.budgetId);
    if (b == null) return; // state of a budget removed from the configuration
    // hour boundaries passed before this event: statuses describe spend up to each boundary
    for (BudgetPeriodState p : snapshot()) {
      if (emitStatuses(b, p, Math.min(c.timestamp, p.end), ctx, out)) periods.put(p.start, p);
    }
    BudgetPeriod.Window w = b.period().containing(c.timestamp);
    BudgetPeriodState p = periods.get(w.start());
    if (p == null) p = newPeriod(w, c.timestamp);
    p.spendUsd += c.costUsd;
    p.events++;
    p.maxEventTime = Math.max(p.maxEventTime, c.timestamp);
    checkThresholds(b, p, c.timestamp, out);
    checkForecast(b, p, p.maxEventTime, c.timestamp, out);
    periods.put(p.start, p);
    if (p.nextStatusAt <= p.end) ctx.timerService().registerEventTimeTimer(p.nextStatusAt);
    ctx.timerService().registerEventTimeTimer(p.end + retentionMillis);
  }

  @Override
  public void onTimer(long t, OnTimerContext ctx, Collector<AlertEvent> out) throws Exception {
    Budget b = byId.get(ctx.getCurrentKey());
    boolean endOfInput = ctx.timerService().currentWatermark() == Long.MAX_VALUE;
    for (BudgetPeriodState p : snapshot()) {
      if (b == null || t >= p.end + retentionMillis) {
        periods.remove(p.start);
        continue;
      }
      if (endOfInput) {
        // bounded input ended: one last status as of the last event, no statuses past the data
        if (p.nextStatusAt != Long.MAX_VALUE && p.lastStatusAt < p.maxEventTime) {
          emitStatus(b, p, p.maxEventTime, ctx);
        }
        p.nextStatusAt = Long.MAX_VALUE;
        periods.put(p.start, p);
        continue;
      }
      if (emitStatuses(b, p, t, ctx, out)) periods.put(p.start, p);
      if (p.nextStatusAt <= p.end) ctx.timerService().registerEventTimeTimer(p.nextStatusAt);
    }
  }

  private List<BudgetPeriodState> snapshot() throws Exception {
    List<BudgetPeriodState> list = new ArrayList<>();
    for (BudgetPeriodState p : periods.values()) list.add(p);
    return list;
  }

  private static BudgetPeriodState newPeriod(BudgetPeriod.Window w, long firstEvent) {
    BudgetPeriodState p = new BudgetPeriodState();
    p.start = w.start();
    p.end = w.end();
    p.startDate = w.startDate().toString();
    p.nextStatusAt = Math.min(w.end(), Math.floorDiv(firstEvent, HOUR) * HOUR + HOUR);
    return p;
  }

  /** Emits the statuses of all hour boundaries (and the period end) up to {@code upTo}; true if any. */
  private boolean emitStatuses(Budget b, BudgetPeriodState p, long upTo, Context ctx, Collector<AlertEvent> out) {
    boolean any = false;
    while (p.nextStatusAt <= upTo && p.nextStatusAt <= p.end) {
      long at = p.nextStatusAt;
      checkForecast(b, p, at, at, out);
      emitStatus(b, p, at, ctx);
      any = true;
      if (at == p.end) {
        p.nextStatusAt = Long.MAX_VALUE;
        if (p.level != BudgetPeriodState.OK) out.collect(resolved(b, p));
        p.level = BudgetPeriodState.OK;
      } else {
        p.nextStatusAt = Math.min(p.end, at + HOUR);
      }
    }
    return any;
  }

  private void emitStatus(Budget b, BudgetPeriodState p, long asOf, Context ctx) {
    BurnRate r = new BurnRate(p.spendUsd, asOf - p.start, p.end - p.start);
    BudgetStatus s = new BudgetStatus();
    s.budgetId = b.id();
    s.scope = b.scope().describe();
    s.amountUsd = b.amountUsd();
    s.periodStart = p.start;
    s.periodEnd = p.end;
    s.periodLabel = p.startDate;
    s.timeZone = b.period().zone().getId();
    s.asOf = asOf;
    s.spendUsd = p.spendUsd;
    s.percentUsed = 100 * p.spendUsd / b.amountUsd();
    s.burnRateUsdPerHour = r.usdPerHour();
    s.projectedSpendUsd = r.projectedSpend();
    long toExhaustion = r.millisToExhaustion(b.amountUsd());
    s.projectedExhaustion = toExhaustion >= 0 && p.start + toExhaustion < p.end ? p.start + toExhaustion : null;
    s.state = BudgetPeriodState.levelName(p.level);
    s.events = p.events;
    p.lastStatusAt = Math.max(p.lastStatusAt, asOf);
    ctx.output(STATUS, s);
  }

  private void checkThresholds(Budget b, BudgetPeriodState p, long eventTime, Collector<AlertEvent> out) {
    List<Integer> th = b.thresholdsPercent();
    int highest = -1;
    for (int i = 0; i < th.size(); i++) {
      boolean fired = (p.firedThresholds & (1L << i)) != 0;
      if (!fired && p.spendUsd >= th.get(i) / 100.0 * b.amountUsd()) {
        p.firedThresholds |= 1L << i;
        highest = i;
      }
    }
    // one event crossing several thresholds sends one alert, for the highest
    if (highest < 0) return;
    int pct = th.get(highest);
    AlertEvent a = base(b, p, AlertEvent.BUDGET_THRESHOLD, String.valueOf(pct), eventTime);
    a.severity = pct >= 100 ? AlertEvent.SEVERITY_CRITICAL : AlertEvent.SEVERITY_WARNING;
    a.thresholdValue = pct / 100.0 * b.amountUsd();
    a.message =
        String.format(Locale.ROOT, "Budget '%s' reached %d%% ($%.2f of $%.2f, %s) in the period starting %s; projected $%.2f",
            b.id(), pct, p.spendUsd, b.amountUsd(), b.period().describe(), p.startDate, a.projectedSpend);
    p.level = Math.max(p.level, pct >= 100 ? BudgetPeriodState.ALERT : BudgetPeriodState.WARN);
    out.collect(a);
  }

  private void checkForecast(Budget b, BudgetPeriodState p, long asOf, long eventTime, Collector<AlertEvent> out) {
    if (!b.forecastAlerts() || p.forecastFired || p.spendUsd >= b.amountUsd()) return;
    BurnRate r = new BurnRate(p.spendUsd, asOf - p.start, p.end - p.start);
    if (r.elapsedShare() < b.forecastMinElapsed() || r.projectedSpend() <= b.amountUsd()) return;
    p.forecastFired = true;
    AlertEvent a = base(b, p, AlertEvent.BUDGET_FORECAST, "forecast", eventTime);
    a.severity = AlertEvent.SEVERITY_WARNING;
    a.thresholdValue = b.amountUsd();
    a.projectedSpend = r.projectedSpend();
    a.exhaustionTime = p.start + r.millisToExhaustion(b.amountUsd());
    a.message =
        String.format(Locale.ROOT, "Budget '%s' is projected to spend $%.2f of $%.2f (%s) in the period starting %s; "
                + "at $%.2f/h it runs out at %s",
            b.id(), a.projectedSpend, b.amountUsd(), b.period().describe(), p.startDate, r.usdPerHour(),
            java.time.Instant.ofEpochMilli(a.exhaustionTime).atZone(b.period().zone()).toLocalDateTime());
    p.level = Math.max(p.level, BudgetPeriodState.WARN);
    out.collect(a);
  }

  private AlertEvent resolved(Budget b, BudgetPeriodState p) {
    AlertEvent a = base(b, p, p.level == BudgetPeriodState.ALERT ? AlertEvent.BUDGET_THRESHOLD : AlertEvent.BUDGET_FORECAST, "resolved", p.end);
    a.state = "RESOLVED";
    a.severity = AlertEvent.SEVERITY_INFO;
    a.message =
        String.format(Locale.ROOT, "Budget '%s': the period starting %s ended at $%.2f of $%.2f (%.1f%%); a new period starts",
            b.id(), p.startDate, p.spendUsd, b.amountUsd(), 100 * p.spendUsd / b.amountUsd());
    return a;
  }

  private static AlertEvent base(Budget b, BudgetPeriodState p, String kind, String qualifier, long eventTime) {
    AlertEvent a = new AlertEvent();
    a.alertId = AlertIds.of(kind, "budget:" + b.id(), p.start, qualifier);
    a.kind = kind;
    a.budgetId = b.id();
    a.scope = b.scope().describe();
    a.project = b.scope().project();
    a.team = b.scope().team();
    a.provider = b.scope().provider();
    a.model = b.scope().model();
    a.periodStart = p.start;
    a.periodEnd = p.end;
    a.observedValue = p.spendUsd;
    a.percentUsed = 100 * p.spendUsd / b.amountUsd();
    BurnRate r = new BurnRate(p.spendUsd, Math.max(eventTime, p.maxEventTime) - p.start, p.end - p.start);
    a.projectedSpend = r.projectedSpend();
    a.eventTime = eventTime;
    return a;
  }
}
