package io.aicosttracker.jobs.functions;

import io.aicosttracker.core.alert.AlertIds;
import io.aicosttracker.core.budget.Budget;
import io.aicosttracker.core.budget.BudgetPeriod;
import io.aicosttracker.core.budget.BurnRate;
import io.aicosttracker.core.forecast.Forecast;
import io.aicosttracker.core.forecast.PeriodProjection;
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
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
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
 *
 * <p>The second input is the daily cost forecast of the budget's own scope ({@code budget:ID},
 * keyed by budget id). The latest one (newest origin; of one origin, the shortest horizon) is
 * kept, and every status and forecast check also projects the period with it
 * ({@link PeriodProjection}): spend so far plus the forecast's expected cost of the rest of the
 * period, and the expected exhaustion time. {@code BUDGET_FORECAST} fires once per period (one
 * alert id) when either projection exceeds the amount: the burn-rate one after
 * {@code forecast_min_elapsed} of the period, the forecast one as soon as a forecast exists
 * (it rests on at least 14 days of history, not on the period's first hours). Without a usable
 * forecast (no second input, {@code insufficient_history}, or older than
 * {@link #MAX_FORECAST_AGE_MS}) only the burn rate counts.
 */
public class BudgetSpendFunction extends KeyedCoProcessFunction<String, BudgetCharge, Forecast, AlertEvent> {
  public static final OutputTag<BudgetStatus> STATUS = new OutputTag<>("budget-status", TypeInformation.of(BudgetStatus.class));
  static final long HOUR = 3_600_000L;
  static final long DAY = 86_400_000L;
  /** A forecast whose origin is older than this (a scope idle for weeks, a stalled input) is not used. */
  public static final long MAX_FORECAST_AGE_MS = 3 * DAY;

  private final List<Budget> budgets;
  private final long retentionMillis;
  private transient Map<String, Budget> byId;
  private transient MapState<Long, BudgetPeriodState> periods;
  private transient ValueState<BudgetForecastState> forecast;

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
    forecast = getRuntimeContext().getState(new ValueStateDescriptor<>("budget-forecast", TypeInformation.of(BudgetForecastState.class)));
  }

  @Override
  public void processElement1(BudgetCharge c, Context ctx, Collector<AlertEvent> out) throws Exception {
    Budget b = byId.get(c.budgetId);
    if (b == null) return; // state of a budget removed from the configuration
    // hour boundaries passed before this event: statuses describe spend up to each boundary
    for (BudgetPeriodState p : snapshot()) {
      if (emitStatuses(b, p, Math.min(c.timestamp, p.end), ctx, out)) periods.put(p.start, p);
    }
    BudgetPeriod.Window w = b.period().containing(c.timestamp);
    BudgetPeriodState p = periods.get(w.start());
    if (p == null) p = newPeriod(w, c.timestamp);
    p.addSpend(c.costUsd);
    p.events++;
    p.maxEventTime = Math.max(p.maxEventTime, c.timestamp);
    checkThresholds(b, p, c.timestamp, out);
    checkForecast(b, p, p.maxEventTime, c.timestamp, out);
    periods.put(p.start, p);
    if (p.nextStatusAt <= p.end) ctx.timerService().registerEventTimeTimer(p.nextStatusAt);
    ctx.timerService().registerEventTimeTimer(p.end + retentionMillis);
  }

  /** A new forecast of the budget's scope: keep the latest and check the open periods with it. */
  @Override
  public void processElement2(Forecast f, Context ctx, Collector<AlertEvent> out) throws Exception {
    Budget b = byId.get(ctx.getCurrentKey());
    if (b == null || f.originDate == null) return;
    long origin = java.time.LocalDate.parse(f.originDate).toEpochDay() * DAY;
    BudgetForecastState cur = forecast.value();
    if (cur != null && (origin < cur.originMillis || (origin == cur.originMillis && f.horizonDays >= cur.horizonDays))) return;
    BudgetForecastState s = new BudgetForecastState();
    s.originMillis = origin;
    s.horizonDays = f.horizonDays;
    s.status = f.status;
    s.forecastModel = f.forecastModel;
    s.backtestMape = f.backtestMape;
    s.dailyPathUsd = f.isOk() ? f.dailyPathUsd.clone() : new double[0];
    forecast.update(s);
    for (BudgetPeriodState p : snapshot()) {
      if (p.nextStatusAt == Long.MAX_VALUE || p.end <= origin) continue;
      long asOf = Math.max(Math.max(origin, p.start), p.maxEventTime);
      boolean fired = p.forecastFired;
      checkForecast(b, p, asOf, asOf, out);
      if (p.forecastFired != fired) periods.put(p.start, p);
    }
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
  private boolean emitStatuses(Budget b, BudgetPeriodState p, long upTo, Context ctx, Collector<AlertEvent> out) throws Exception {
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

  /** The period projected with the latest forecast as of {@code asOf}, or null without a usable one. */
  private PeriodProjection forecastProjection(Budget b, BudgetPeriodState p, long asOf) throws Exception {
    BudgetForecastState f = forecast.value();
    if (f == null || !f.usable() || asOf - f.originMillis > MAX_FORECAST_AGE_MS) return null;
    return PeriodProjection.at(f.originMillis, f.dailyPathUsd, asOf, p.start, p.end, b.amountUsd(), p.spendUsd);
  }

  private void emitStatus(Budget b, BudgetPeriodState p, long asOf, Context ctx) throws Exception {
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
    PeriodProjection fp = forecastProjection(b, p, asOf);
    if (fp != null) {
      BudgetForecastState f = forecast.value();
      s.forecastProjectedSpendUsd = fp.projectedSpendUsd();
      s.forecastExhaustion = fp.exhaustionTime();
      s.forecastModel = f.forecastModel;
      s.forecastOrigin = java.time.LocalDate.ofEpochDay(Math.floorDiv(f.originMillis, DAY)).toString();
    }
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

  private void checkForecast(Budget b, BudgetPeriodState p, long asOf, long eventTime, Collector<AlertEvent> out) throws Exception {
    if (!b.forecastAlerts() || p.forecastFired || p.spendUsd >= b.amountUsd()) return;
    BurnRate r = new BurnRate(p.spendUsd, asOf - p.start, p.end - p.start);
    boolean byBurnRate = r.elapsedShare() >= b.forecastMinElapsed() && r.projectedSpend() > b.amountUsd();
    PeriodProjection fp = forecastProjection(b, p, asOf);
    boolean byForecast = fp != null && fp.projectedSpendUsd() > b.amountUsd();
    if (!byBurnRate && !byForecast) return;
    p.forecastFired = true;
    AlertEvent a = base(b, p, AlertEvent.BUDGET_FORECAST, "forecast", eventTime);
    a.severity = AlertEvent.SEVERITY_WARNING;
    a.thresholdValue = b.amountUsd();
    long burnExhaustion = p.start + r.millisToExhaustion(b.amountUsd());
    java.time.ZoneId zone = b.period().zone();
    String burn = String.format(Locale.ROOT, "at the current $%.2f/h: $%.2f%s", r.usdPerHour(), r.projectedSpend(),
        r.projectedSpend() > b.amountUsd() ? ", runs out at " + local(burnExhaustion, zone) : "");
    if (byForecast) {
      // the daily cost forecast knows the weekly pattern and the trend: it leads when it exists
      BudgetForecastState f = forecast.value();
      a.projectedSpend = fp.projectedSpendUsd();
      a.exhaustionTime = fp.exhaustionTime() != null ? fp.exhaustionTime() : burnExhaustion;
      a.message =
          String.format(Locale.ROOT, "Budget '%s' is projected to spend $%.2f of $%.2f (%s) in the period starting %s; "
                  + "the cost forecast (%s%s) expects it to run out at %s; %s",
              b.id(), a.projectedSpend, b.amountUsd(), b.period().describe(), p.startDate, f.forecastModel,
              Double.isNaN(f.backtestMape) ? "" : String.format(Locale.ROOT, ", back-test error %.1f%%", 100 * f.backtestMape),
              local(a.exhaustionTime, zone), burn);
    } else {
      a.projectedSpend = r.projectedSpend();
      a.exhaustionTime = burnExhaustion;
      String model = fp == null ? "no cost forecast yet" : String.format(Locale.ROOT, "the cost forecast projects $%.2f", fp.projectedSpendUsd());
      a.message =
          String.format(Locale.ROOT, "Budget '%s' is projected to spend $%.2f of $%.2f (%s) in the period starting %s; "
                  + "at $%.2f/h it runs out at %s (%s)",
              b.id(), a.projectedSpend, b.amountUsd(), b.period().describe(), p.startDate, r.usdPerHour(), local(a.exhaustionTime, zone), model);
    }
    p.level = Math.max(p.level, BudgetPeriodState.WARN);
    out.collect(a);
  }

  private static java.time.LocalDateTime local(long millis, java.time.ZoneId zone) {
    return java.time.Instant.ofEpochMilli(millis).atZone(zone).toLocalDateTime();
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
