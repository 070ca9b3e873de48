package io.aicosttracker.core.budget;

import io.aicosttracker.core.records.PricedUsage;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which usage a budget counts: all of it, or the events whose project, team, provider, model and
 * source equal the given values (null = any). All given fields must match.
 */
public record BudgetScope(String project, String team, String provider, String model, String source) implements Serializable {
  public static final BudgetScope ALL = new BudgetScope(null, null, null, null, null);

  public boolean matches(PricedUsage e) {
    return eq(project, e.project) && eq(team, e.team) && eq(provider, e.provider) && eq(model, e.model) && eq(source, e.source);
  }

  /**
   * Whether a daily aggregate of (project, provider, model, source) lies in this scope. Aggregates
   * carry no team, so a scope with a team never matches one ({@link #usesTeam}).
   */
  public boolean matchesAggregate(String aggProject, String aggProvider, String aggModel, String aggSource) {
    return team == null && eq(project, aggProject) && eq(provider, aggProvider) && eq(model, aggModel) && eq(source, aggSource);
  }

  /** True when the scope filters on team, which daily aggregates do not carry. */
  public boolean usesTeam() {
    return team != null;
  }

  private static boolean eq(String wanted, String actual) {
    return wanted == null || wanted.equals(actual);
  }

  public boolean isAll() {
    return project == null && team == null && provider == null && model == null && source == null;
  }

  /** {@code all}, or e.g. {@code project=search,model=gpt-4o}. */
  public String describe() {
    if (isAll()) return "all";
    List<String> parts = new ArrayList<>();
    add(parts, "project", project);
    add(parts, "team", team);
    add(parts, "provider", provider);
    add(parts, "model", model);
    add(parts, "source", source);
    return String.join(",", parts);
  }

  private static void add(List<String> parts, String name, String value) {
    if (value != null) parts.add(name + "=" + value);
  }

  @Override
  public String toString() {
    return describe();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BudgetScope s
        && Objects.equals(project, s.project)
        && Objects.equals(team, s.team)
        && Objects.equals(provider, s.provider)
        && Objects.equals(model, s.model)
        && Objects.equals(source, s.source);
  }

  @Override
  public int hashCode() {
    return Objects.hash(project, team, provider, model, source);
  }
}
