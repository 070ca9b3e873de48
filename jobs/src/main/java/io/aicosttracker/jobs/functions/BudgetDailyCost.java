package io.aicosttracker.jobs.functions;

import io.aicosttracker.core.forecast.ForecastScopes;
import io.aicosttracker.core.forecast.ScopedDailyCost;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * A budget's cost per UTC day from its charges, as the daily cost line of forecast scope
 * {@code budget:ID}. Built from the charges (not the daily aggregates) because a budget scope can
 * filter on team, which the aggregates do not carry. A window re-fired by late events emits the
 * corrected total under the same dimension key, which replaces the earlier value downstream.
 */
public final class BudgetDailyCost {
  /** Dimension key of the one cost line per budget scope and day. */
  public static final String KEY = "budget-charges";

  private BudgetDailyCost() {}

  /** Sums the charges' cost. */
  public static final class Sum implements AggregateFunction<BudgetCharge, Double, Double> {
    @Override
    public Double createAccumulator() {
      return 0.0;
    }

    @Override
    public Double add(BudgetCharge c, Double acc) {
      return acc + c.costUsd;
    }

    @Override
    public Double getResult(Double acc) {
      return acc;
    }

    @Override
    public Double merge(Double a, Double b) {
      return a + b;
    }
  }

  /** Stamps the day's sum with the budget scope and the window's UTC day. */
  public static final class ToScopedCost extends ProcessWindowFunction<Double, ScopedDailyCost, String, TimeWindow> {
    @Override
    public void process(String budgetId, Context ctx, Iterable<Double> sums, Collector<ScopedDailyCost> out) {
      for (Double sum : sums) {
        out.collect(new ScopedDailyCost(ForecastScopes.budget(budgetId), KEY, Math.floorDiv(ctx.window().getStart(), 86_400_000L), sum));
      }
    }
  }
}
