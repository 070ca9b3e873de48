package io.aicosttracker.core.forecast;

import io.aicosttracker.core.budget.Budget;
import io.aicosttracker.core.budget.BudgetPeriod;
import java.time.LocalDate;
import java.util.Map;

/**
 * A budget's current period as the cost forecast sees it at a forecast origin: spend so far,
 * projected period spend and expected exhaustion time (batch {@code cost-tracker forecast
 * --budgets}; the streaming job puts the same figures on each budget status).
 *
 * @param status {@link Forecast#OK}, or the forecast's status (e.g. {@code insufficient_history})
 *     with the projection fields absent (NaN / null)
 */
public record BudgetOutlook(
    String budgetId,
    String budgetScope,
    String periodLabel,
    String timeZone,
    long periodStart,
    long periodEnd,
    long asOf,
    double amountUsd,
    double spentUsd,
    String status,
    String forecastModel,
    double projectedSpendUsd,
    Long exhaustionTime) {

  /**
   * The outlook of {@code budget} for the period containing the start of {@code forecast}'s
   * origin day, with the spend so far taken from the scope's daily costs (each UTC day spread
   * evenly, so a period starting at a non-UTC midnight takes its share of the first day).
   */
  public static BudgetOutlook of(Budget budget, Forecast forecast, Map<LocalDate, Double> dailyCost) {
    LocalDate origin = LocalDate.parse(forecast.originDate);
    long asOf = origin.toEpochDay() * PeriodProjection.DAY_MS;
    BudgetPeriod.Window w = budget.period().containing(asOf);
    double spent = 0;
    for (Map.Entry<LocalDate, Double> e : dailyCost.entrySet()) {
      long s = Math.max(w.start(), e.getKey().toEpochDay() * PeriodProjection.DAY_MS);
      long end = Math.min(asOf, (e.getKey().toEpochDay() + 1) * PeriodProjection.DAY_MS);
      if (end > s) spent += e.getValue() * (end - s) / (double) PeriodProjection.DAY_MS;
    }
    double projected = Double.NaN;
    Long exhaustion = null;
    if (forecast.isOk()) {
      PeriodProjection p = PeriodProjection.at(asOf, forecast.dailyPathUsd, asOf, w.start(), w.end(), budget.amountUsd(), spent);
      projected = p.projectedSpendUsd();
      exhaustion = p.exhaustionTime();
    }
    return new BudgetOutlook(budget.id(), budget.scope().describe(), w.startDate().toString(), budget.period().zone().getId(),
        w.start(), w.end(), asOf, budget.amountUsd(), spent, forecast.status, forecast.forecastModel, projected, exhaustion);
  }
}
