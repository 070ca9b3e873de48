package io.aicosttracker.jobs.functions;

import io.aicosttracker.core.alert.AlertIds;
import io.aicosttracker.core.records.AlertEvent;
import io.aicosttracker.core.records.PricedUsage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * {@code UNPRICED_USAGE} once per (provider, model) and UTC day when events without a price
 * appear, so gaps in the price catalog get noticed instead of passing as $0. Keyed by
 * provider and model; fed only unpriced events.
 */
public class UnpricedUsageFunction extends KeyedProcessFunction<String, PricedUsage, AlertEvent> {
  private static final long DAY = 86_400_000L;
  private final long retentionMillis;
  private transient MapState<Long, Boolean> alertedDays;

  /** @param retention how long a day's flag is kept after the day for late events */
  public UnpricedUsageFunction(java.time.Duration retention) {
    this.retentionMillis = retention.toMillis();
  }

  @Override
  public void open(OpenContext openContext) {
    alertedDays = getRuntimeContext().getMapState(new MapStateDescriptor<>("unpriced-alerted-days", Types.LONG, Types.BOOLEAN));
  }

  @Override
  public void processElement(PricedUsage e, Context ctx, Collector<AlertEvent> out) throws Exception {
    long day = Math.floorDiv(e.timestamp, DAY) * DAY;
    if (alertedDays.contains(day)) return;
    alertedDays.put(day, Boolean.TRUE);
    ctx.timerService().registerEventTimeTimer(day + DAY + retentionMillis);
    AlertEvent a = new AlertEvent();
    a.alertId = AlertIds.of(AlertEvent.UNPRICED_USAGE, "model:" + e.provider + '\u0001' + e.model, day, "unpriced");
    a.kind = AlertEvent.UNPRICED_USAGE;
    a.severity = AlertEvent.SEVERITY_WARNING;
    a.provider = e.provider;
    a.model = e.model;
    a.project = e.project;
    a.scope = "provider=" + e.provider + ",model=" + e.model;
    a.periodStart = day;
    a.periodEnd = day + DAY;
    a.eventTime = e.timestamp;
    a.message =
        String.format(Locale.ROOT, "No price for %s/%s: usage on %s is counted as unpriced (first event %s, project %s); "
                + "add the model to the price catalog (--prices)",
            e.provider, e.model, LocalDate.ofInstant(Instant.ofEpochMilli(day), ZoneOffset.UTC), e.eventId, e.project);
    out.collect(a);
  }

  @Override
  public void onTimer(long t, OnTimerContext ctx, Collector<AlertEvent> out) throws Exception {
    List<Long> expired = new ArrayList<>();
    for (Long d : alertedDays.keys()) if (d + DAY + retentionMillis <= t) expired.add(d);
    for (Long d : expired) alertedDays.remove(d);
  }
}
