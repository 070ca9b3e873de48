package io.aicosttracker.jobs.pipeline;

import io.aicosttracker.core.forecast.Forecast;
import io.aicosttracker.core.forecast.ForecastScopes;
import io.aicosttracker.core.forecast.ScopedDailyCost;
import io.aicosttracker.core.records.CostAggregate;
import io.aicosttracker.jobs.functions.DailyForecastFunction;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Daily aggregates -> one cost line per forecast scope (all, project, model) -> keyed by scope,
 * re-forecast once per event-time day ({@link DailyForecastFunction}).
 *
 * <p>The streaming job and the batch run share it; sinks (files, PostgreSQL) attach to the result.
 */
public final class ForecastStage {
  private ForecastStage() {}

  public static DataStream<Forecast> build(DataStream<CostAggregate> daily, int[] horizons) {
    FlatMapFunction<CostAggregate, ScopedDailyCost> split = (a, out) -> ForecastScopes.split(a).forEach(out::collect);
    return daily
        .flatMap(split)
        .returns(TypeInformation.of(ScopedDailyCost.class))
        .uid("forecast-scopes")
        .name("Daily cost per forecast scope")
        .keyBy(s -> s.scope, TypeInformation.of(String.class))
        .process(new DailyForecastFunction(horizons))
        .returns(TypeInformation.of(Forecast.class))
        .uid("forecast-daily")
        .name("Daily forecast per scope");
  }
}
