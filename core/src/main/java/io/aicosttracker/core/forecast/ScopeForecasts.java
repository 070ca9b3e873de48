package io.aicosttracker.core.forecast;

import io.aicosttracker.core.budget.Budget;
import io.aicosttracker.core.records.CostAggregate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Batch forecasts from daily aggregates: one daily series per scope (all usage, each project,
 * each model), all ending the day before a common origin, so that a scope without recent usage
 * is forecast from its zeros rather than from its last active day.
 */
public final class ScopeForecasts {
  private ScopeForecasts() {}

  /** Cost per day of every scope the aggregates touch. */
  public static Map<String, Map<LocalDate, Double>> costByScopeAndDay(List<CostAggregate> daily) {
    Map<String, Map<LocalDate, Double>> out = new HashMap<>();
    for (CostAggregate a : daily) {
      for (ScopedDailyCost s : ForecastScopes.split(a)) {
        out.computeIfAbsent(s.scope, k -> new HashMap<>()).merge(LocalDate.ofEpochDay(s.epochDay), s.costUsd, Double::sum);
      }
    }
    return out;
  }

  /**
   * Adds each budget's daily cost as scope {@code budget:ID} (the aggregates its scope matches).
   *
   * @return the budgets left out because their scope filters on team, which daily aggregates do not carry
   */
  public static List<Budget> addBudgetScopes(Map<String, Map<LocalDate, Double>> byScope, List<CostAggregate> daily, List<Budget> budgets) {
    List<Budget> skipped = new ArrayList<>();
    for (Budget b : budgets) {
      if (b.scope().usesTeam()) {
        skipped.add(b);
        continue;
      }
      Map<LocalDate, Double> days = new HashMap<>();
      for (CostAggregate a : daily) {
        if (b.scope().matchesAggregate(a.project, a.provider, a.model, a.source)) {
          days.merge(LocalDate.ofEpochDay(Math.floorDiv(a.windowStart, 86_400_000L)), a.costUsd, Double::sum);
        }
      }
      byScope.put(ForecastScopes.budget(b.id()), days);
    }
    return skipped;
  }

  /** The day after the latest day with usage: the default forecast origin. */
  public static LocalDate defaultOrigin(Map<String, Map<LocalDate, Double>> byScope) {
    LocalDate last = null;
    for (Map<LocalDate, Double> days : byScope.values()) {
      for (LocalDate d : days.keySet()) if (last == null || d.isAfter(last)) last = d;
    }
    if (last == null) throw new IllegalArgumentException("no daily usage to forecast from");
    return last.plusDays(1);
  }

  /**
   * Forecasts every scope with usage before {@code origin}, scopes ordered all, projects, models, budgets.
   */
  public static List<Forecast> forecast(
      Forecaster forecaster, Map<String, Map<LocalDate, Double>> byScope, LocalDate origin, int[] horizons, long generatedAt) {
    Map<String, Map<LocalDate, Double>> sorted = new TreeMap<>(Comparator.comparing(ScopeForecasts::scopeOrder).thenComparing(s -> s));
    sorted.putAll(byScope);
    List<Forecast> out = new ArrayList<>();
    for (Map.Entry<String, Map<LocalDate, Double>> e : sorted.entrySet()) {
      DailySeries series = DailySeries.upTo(e.getValue(), origin, Forecaster.MAX_HISTORY_DAYS);
      if (series != null) out.addAll(forecaster.forecast(e.getKey(), series, horizons, generatedAt));
    }
    return out;
  }

  private static int scopeOrder(String scope) {
    if (scope.equals(ForecastScopes.ALL)) return 0;
    if (scope.startsWith(ForecastScopes.BUDGET_PREFIX)) return 3;
    return scope.startsWith("project:") ? 1 : 2;
  }
}
