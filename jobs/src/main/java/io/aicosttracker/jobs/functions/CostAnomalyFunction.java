package io.aicosttracker.jobs.functions;

import io.aicosttracker.core.alert.AlertIds;
import io.aicosttracker.core.anomaly.ZScore;
import io.aicosttracker.core.records.AlertEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Rolling z-score per series (project, provider, model) over the series' window costs: the last
 * N points in keyed state, z = (x - mean) / stddev, {@code COST_ANOMALY} when z >= threshold and
 * the excess is above a dollar floor, once the series has the minimum history.
 *
 * <p>Windows without usage are never emitted upstream, so a missing point counts as $0: the
 * history is read by window start and absent starts are zeros. A corrected (late) window
 * replaces its point, so re-emitted windows are never counted twice.
 *
 * <p>Per series a state machine: OK -> ALERT (one alert per incident) -> RESOLVED (first normal
 * point, one RESOLVED event) -> OK; a new ALERT within the cooldown of the last is suppressed.
 * The alerted point enters the history as its expected value, so one spike does not blind the
 * detector for the next N points.
 */
public class CostAnomalyFunction extends KeyedProcessFunction<String, SeriesCost, AlertEvent> {
  private final AnomalyOptions options;
  private transient MapState<Long, Double> history;
  private transient MapState<Long, SeriesCost> pending;
  private transient ValueState<AnomalySeriesState> series;
  private transient Counter suppressed;

  public CostAnomalyFunction(AnomalyOptions options) {
    this.options = options;
  }

  @Override
  public void open(OpenContext openContext) {
    history = getRuntimeContext().getMapState(new MapStateDescriptor<>("anomaly-history", Types.LONG, Types.DOUBLE));
    pending = getRuntimeContext().getMapState(new MapStateDescriptor<>("anomaly-pending", Types.LONG, TypeInformation.of(SeriesCost.class)));
    series = getRuntimeContext().getState(new ValueStateDescriptor<>("anomaly-series", AnomalySeriesState.class));
    suppressed = getRuntimeContext().getMetricGroup().counter("anomaliesSuppressedByCooldown");
  }

  @Override
  public void processElement(SeriesCost s, Context ctx, Collector<AlertEvent> out) throws Exception {
    AnomalySeriesState st = series.value();
    if (st == null) st = new AnomalySeriesState();
    st.firstStart = Math.min(st.firstStart, s.windowStart);
    history.put(s.windowStart, s.costUsd);
    if (s.windowStart > st.lastEvaluated) {
      pending.put(s.windowStart, s);
      // a later window means the earlier ones are complete (windows fire in watermark order;
      // in BATCH, each key's input is sorted by time and timers fire only at the end)
      evaluateUpTo(s.windowStart - 1, st, out);
      ctx.timerService().registerEventTimeTimer(s.windowStart + step() - 1);
    }
    series.update(st);
  }

  @Override
  public void onTimer(long t, OnTimerContext ctx, Collector<AlertEvent> out) throws Exception {
    AnomalySeriesState st = series.value();
    if (st == null) return;
    evaluateUpTo(t - step() + 1, st, out);
    series.update(st);
  }

  private long step() {
    return options.step.toMillis();
  }

  /** Evaluates pending windows starting at or before {@code lastStart}, oldest first. */
  private void evaluateUpTo(long lastStart, AnomalySeriesState st, Collector<AlertEvent> out) throws Exception {
    TreeMap<Long, SeriesCost> due = new TreeMap<>();
    for (Map.Entry<Long, SeriesCost> e : pending.entries()) {
      if (e.getKey() <= lastStart) due.put(e.getKey(), e.getValue());
    }
    for (SeriesCost s : due.values()) {
      pending.remove(s.windowStart);
      evaluate(s, st, out);
    }
    if (!due.isEmpty()) prune(st);
  }

  private void evaluate(SeriesCost s, AnomalySeriesState st, Collector<AlertEvent> out) throws Exception {
    st.lastEvaluated = Math.max(st.lastEvaluated, s.windowStart);
    if (s.windowStart - st.firstStart < options.minHistory.toMillis()) return;
    double[] h = historyBefore(s.windowStart, st.firstStart);
    if (h.length < 2) return;
    ZScore z = ZScore.of(s.costUsd, h);
    boolean anomalous = z.score() >= options.zThreshold && z.excess() >= options.dollarFloor;
    if (!anomalous) {
      if (st.alerting) {
        out.collect(resolved(s, st));
        st.alerting = false;
      }
      return;
    }
    if (st.alerting) return; // the same incident continues: no new alert
    if (st.lastAlertStart != Long.MIN_VALUE && s.windowStart - st.lastAlertStart < options.cooldown.toMillis()) {
      suppressed.inc();
      return;
    }
    st.alerting = true;
    st.lastAlertStart = s.windowStart;
    // keep the spike out of the baseline so the next spike in the same week is still visible
    history.put(s.windowStart, z.expected());
    out.collect(anomaly(s, z));
  }

  private double[] historyBefore(long start, long firstStart) throws Exception {
    List<Double> values = new ArrayList<>(options.points);
    for (int i = 1; i <= options.points; i++) {
      long at = start - i * step();
      if (at < firstStart) break;
      Double v = history.get(at);
      values.add(v == null ? 0.0 : v); // no window = no usage = $0
    }
    double[] h = new double[values.size()];
    for (int i = 0; i < h.length; i++) h[i] = values.get(i);
    return h;
  }

  /** Drops points too old to be history of any window still to be evaluated or corrected. */
  private void prune(AnomalySeriesState st) throws Exception {
    long keepFrom = st.lastEvaluated - (options.points + 1L) * step();
    List<Long> old = new ArrayList<>();
    for (Long k : history.keys()) if (k < keepFrom) old.add(k);
    for (Long k : old) history.remove(k);
  }

  private AlertEvent anomaly(SeriesCost s, ZScore z) {
    AlertEvent a = base(s, s.windowStart);
    a.alertId = AlertIds.of(AlertEvent.COST_ANOMALY, "series:" + s.seriesKey(), s.windowStart, "anomaly");
    a.severity = z.excess() >= 10 * options.dollarFloor ? AlertEvent.SEVERITY_CRITICAL : AlertEvent.SEVERITY_WARNING;
    a.observedValue = s.costUsd;
    a.expectedValue = z.expected();
    a.thresholdValue = z.expected() + options.zThreshold * z.stddev();
    a.score = z.score();
    a.dollarImpact = z.excess();
    a.topContributorsJson = TopContributors.json(s);
    a.message =
        String.format(Locale.ROOT, "Cost anomaly in %s/%s/%s: $%.2f in the %s from %s, expected $%.2f (%s, +$%.2f); top: %s",
            s.project, s.provider, s.model, s.costUsd, step() >= 86_400_000L ? "day" : "hour", Instant.ofEpochMilli(s.windowStart),
            z.expected(), z.describe(), z.excess(), TopContributors.summary(s));
    return a;
  }

  private AlertEvent resolved(SeriesCost s, AnomalySeriesState st) {
    AlertEvent a = base(s, st.lastAlertStart);
    a.alertId = AlertIds.of(AlertEvent.COST_ANOMALY, "series:" + s.seriesKey(), st.lastAlertStart, "resolved");
    a.state = "RESOLVED";
    a.severity = AlertEvent.SEVERITY_INFO;
    a.observedValue = s.costUsd;
    a.message =
        String.format(Locale.ROOT, "Cost anomaly in %s/%s/%s that started %s is over: $%.2f in the window from %s",
            s.project, s.provider, s.model, Instant.ofEpochMilli(st.lastAlertStart), s.costUsd, Instant.ofEpochMilli(s.windowStart));
    return a;
  }

  private AlertEvent base(SeriesCost s, long periodStart) {
    AlertEvent a = new AlertEvent();
    a.kind = AlertEvent.COST_ANOMALY;
    a.project = s.project;
    a.provider = s.provider;
    a.model = s.model;
    a.scope = "project=" + s.project + ",provider=" + s.provider + ",model=" + s.model;
    a.periodStart = periodStart;
    a.periodEnd = periodStart + step();
    a.eventTime = s.windowStart + step() - 1;
    return a;
  }
}
