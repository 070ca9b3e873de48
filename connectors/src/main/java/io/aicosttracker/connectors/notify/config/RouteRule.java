package io.aicosttracker.connectors.notify.config;

import io.aicosttracker.core.records.AlertEvent;
import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * Sends alerts matching every given condition to {@link #channels}. An empty set matches anything;
 * {@code minSeverity} (info < warning < critical) matches that severity and above.
 */
public record RouteRule(
    Set<String> kinds, Set<String> severities, String minSeverity, Set<String> projects, Set<String> budgets, List<String> channels)
    implements Serializable {

  public boolean matches(AlertEvent alert) {
    return matchesSet(kinds, alert.kind)
        && matchesSet(severities, alert.severity)
        && (minSeverity == null || severityRank(alert.severity) >= severityRank(minSeverity))
        && matchesSet(projects, alert.project)
        && matchesSet(budgets, alert.budgetId);
  }

  private static boolean matchesSet(Set<String> allowed, String value) {
    return allowed.isEmpty() || (value != null && allowed.contains(value));
  }

  /** info 0, warning 1, critical 2, anything else -1. */
  public static int severityRank(String severity) {
    if (severity == null) return -1;
    return switch (severity) {
      case AlertEvent.SEVERITY_INFO -> 0;
      case AlertEvent.SEVERITY_WARNING -> 1;
      case AlertEvent.SEVERITY_CRITICAL -> 2;
      default -> -1;
    };
  }
}
