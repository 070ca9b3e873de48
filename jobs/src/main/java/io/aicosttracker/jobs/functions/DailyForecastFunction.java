package io.aicosttracker.jobs.functions;

import io.aicosttracker.core.forecast.DailySeries;
import io.aicosttracker.core.forecast.Forecast;
import io.aicosttracker.core.forecast.Forecaster;
import io.aicosttracker.core.forecast.ScopedDailyCost;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by forecast scope: keeps the scope's daily costs (at most {@link Forecaster#MAX_HISTORY_DAYS}
 * days) and, once per event-time day, forecasts from the days up to the one that just closed.
 *
 * <p>A daily aggregate of day D arrives when the watermark passes the end of D; an event-time
 * timer at D's last millisecond then fires once all of D's aggregates (of every parallel window
 * instance) are in, because the watermark that closes the windows follows their output. The
 * timer is re-armed for the next day while the scope has been idle for at most
 * {@link #IDLE_DAYS} days, so a quiet day still counts (as zero) and refreshes the forecast.
 *
 * <p>A corrected aggregate (late events within the allowed lateness) replaces its earlier value
 * (state is per day and aggregate key); the correction shows in the next day's forecast rather
 * than re-emitting older ones. At the end of a bounded input (watermark at {@code Long.MAX_VALUE},
 * as in BATCH mode where timers only fire then) only the latest day is forecast.
 */
public class DailyForecastFunction extends KeyedProcessFunction<String, ScopedDailyCost, Forecast> {
  static final long DAY_MS = 86_400_000L;
  /** A scope idle this many days stops being re-forecast until it has usage again. */
  public static final int IDLE_DAYS = 35;
  private static final char SEP = '\u0002';

  private final int[] horizons;
  private transient Forecaster forecaster;
  /** "epochDay SEP dimensionKey" -> cost: corrections replace, days sum over keys. */
  private transient MapState<String, Double> costs;
  private transient ValueState<Long> lastDataDay;
  private transient ValueState<Long> lastForecastDay;

  public DailyForecastFunction(int[] horizons) {
    this.horizons = horizons.clone();
  }

  @Override
  public void open(OpenContext openContext) {
    forecaster = Forecaster.standard();
    costs = getRuntimeContext().getMapState(new MapStateDescriptor<>("forecast-daily-costs", Types.STRING, Types.DOUBLE));
    lastDataDay = getRuntimeContext().getState(new ValueStateDescriptor<>("forecast-last-data-day", Types.LONG));
    lastForecastDay = getRuntimeContext().getState(new ValueStateDescriptor<>("forecast-last-forecast-day", Types.LONG));
  }

  @Override
  public void processElement(ScopedDailyCost in, Context ctx, Collector<Forecast> out) throws Exception {
    costs.put(in.epochDay + "" + SEP + in.dimensionKey, in.costUsd);
    Long last = lastDataDay.value();
    if (last == null || in.epochDay > last) lastDataDay.update(in.epochDay);
    ctx.timerService().registerEventTimeTimer(endOfDay(in.epochDay));
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Forecast> out) throws Exception {
    long day = Math.floorDiv(timestamp + 1, DAY_MS) - 1;
    boolean endOfInput = ctx.timerService().currentWatermark() == Long.MAX_VALUE;
    long lastData = lastDataDay.value() == null ? day : lastDataDay.value();
    Long done = lastForecastDay.value();
    if (done != null && day <= done) return; // a late correction: the next daily forecast includes it
    if (endOfInput && day < lastData) return; // replaying a bounded input: only the latest day matters
    lastForecastDay.update(day);

    Map<LocalDate, Double> byDay = dailyCostsPruned(day);
    DailySeries series = DailySeries.upTo(byDay, LocalDate.ofEpochDay(day + 1), Forecaster.MAX_HISTORY_DAYS);
    if (series != null) {
      for (Forecast f : forecaster.forecast(ctx.getCurrentKey(), series, horizons, System.currentTimeMillis())) out.collect(f);
    }
    if (!endOfInput && day + 1 - lastData <= IDLE_DAYS) ctx.timerService().registerEventTimeTimer(endOfDay(day + 1));
  }

  /** Costs per day up to {@code throughDay}; drops state older than the history window. */
  private Map<LocalDate, Double> dailyCostsPruned(long throughDay) throws Exception {
    long oldest = throughDay - Forecaster.MAX_HISTORY_DAYS + 1;
    Map<LocalDate, Double> byDay = new HashMap<>();
    List<String> expired = new ArrayList<>();
    for (Map.Entry<String, Double> e : costs.entries()) {
      long d = Long.parseLong(e.getKey().substring(0, e.getKey().indexOf(SEP)));
      if (d < oldest) {
        expired.add(e.getKey());
      } else if (d <= throughDay) {
        byDay.merge(LocalDate.ofEpochDay(d), e.getValue(), Double::sum);
      }
    }
    for (String k : expired) costs.remove(k);
    return byDay;
  }

  static long endOfDay(long epochDay) {
    return (epochDay + 1) * DAY_MS - 1;
  }
}
