package io.aicosttracker.jobs.pipeline;

import io.aicosttracker.core.forecast.Forecast;
import io.aicosttracker.core.forecast.ForecastScopes;
import io.aicosttracker.core.forecast.ScopedDailyCost;
import io.aicosttracker.core.records.CostAggregate;
import io.aicosttracker.jobs.functions.BudgetCharge;
import io.aicosttracker.jobs.functions.BudgetDailyCost;
import io.aicosttracker.jobs.functions.DailyForecastFunction;
import java.time.Duration;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
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

  /**
   * Forecasts of each budget's scope ({@code budget:ID}): the budget charges summed per UTC day
   * (uid {@code budget-forecast-daily-cost}), re-forecast once per event-time day
   * (uid {@code budget-forecast-daily}).
   *
   * @param lateness allowed lateness of the daily windows (the pipeline's), so late events correct their day
   */
  public static DataStream<Forecast> budgets(DataStream<BudgetCharge> charges, int[] horizons, Duration lateness) {
    return charges
        .keyBy(c -> c.budgetId, TypeInformation.of(String.class))
        .window(TumblingEventTimeWindows.of(Duration.ofDays(1)))
        .allowedLateness(lateness)
        .aggregate(new BudgetDailyCost.Sum(), new BudgetDailyCost.ToScopedCost(),
            TypeInformation.of(Double.class), TypeInformation.of(Double.class), TypeInformation.of(ScopedDailyCost.class))
        .uid("budget-forecast-daily-cost")
        .name("Daily cost per budget scope")
        .keyBy(s -> s.scope, TypeInformation.of(String.class))
        .process(new DailyForecastFunction(horizons))
        .returns(TypeInformation.of(Forecast.class))
        .uid("budget-forecast-daily")
        .name("Daily forecast per budget scope");
  }
}
