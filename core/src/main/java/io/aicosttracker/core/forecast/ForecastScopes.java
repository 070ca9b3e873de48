package io.aicosttracker.core.forecast;

import io.aicosttracker.core.records.CostAggregate;
import java.util.List;

/**
 * The scopes a daily aggregate counts towards: {@code all}, {@code project:NAME} and
 * {@code model:PROVIDER/MODEL} (the provider is part of the name: the same model bought through
 * two providers is two cost lines), and {@code budget:ID} for each budget's own scope (its filter
 * over project, team, provider, model and source), named by the budget id so the name stays
 * stable when the budget's amount or period changes.
 */
public final class ForecastScopes {
  public static final String ALL = "all";

  private ForecastScopes() {}

  public static String project(String project) {
    return "project:" + project;
  }

  public static String model(String provider, String model) {
    return "model:" + provider + "/" + model;
  }

  public static final String BUDGET_PREFIX = "budget:";

  /** The forecast scope of a budget: {@code budget:ID}. */
  public static String budget(String budgetId) {
    return BUDGET_PREFIX + budgetId;
  }

  /** The budget id of a {@code budget:ID} scope, or null for other scopes. */
  public static String budgetId(String scope) {
    return scope != null && scope.startsWith(BUDGET_PREFIX) ? scope.substring(BUDGET_PREFIX.length()) : null;
  }

  /** The scopes of one aggregate, in the order all, project, model. */
  public static List<String> of(String project, String provider, String model) {
    return List.of(ALL, project(project), model(provider, model));
  }

  /** One {@link ScopedDailyCost} per scope of a daily aggregate. */
  public static List<ScopedDailyCost> split(CostAggregate daily) {
    long day = Math.floorDiv(daily.windowStart, 86_400_000L);
    String key = daily.dimensionKey();
    return of(daily.project, daily.provider, daily.model).stream()
        .map(s -> new ScopedDailyCost(s, key, day, daily.costUsd))
        .toList();
  }
}
