package io.aicosttracker.jobs.functions;

import io.aicosttracker.core.budget.Budget;
import io.aicosttracker.core.records.PricedUsage;
import java.util.List;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** Fans a priced event out to every budget whose scope it matches. */
public class MatchBudgets implements FlatMapFunction<PricedUsage, BudgetCharge> {
  private final List<Budget> budgets;

  public MatchBudgets(List<Budget> budgets) {
    this.budgets = List.copyOf(budgets);
  }

  @Override
  public void flatMap(PricedUsage e, Collector<BudgetCharge> out) {
    for (Budget b : budgets) {
      if (b.scope().matches(e)) out.collect(new BudgetCharge(b.id(), e.timestamp, e.costUsd, e.eventId));
    }
  }
}
