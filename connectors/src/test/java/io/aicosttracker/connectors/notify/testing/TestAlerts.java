package io.aicosttracker.connectors.notify.testing;

import io.aicosttracker.core.records.AlertEvent;

/** Alert events of each kind with the numbers a budget or anomaly engine would put in them. */
public final class TestAlerts {
  private TestAlerts() {}

  public static final long SEPT_1 = 1_788_220_800_000L; // 2026-09-01T00:00:00Z
  public static final long OCT_1 = 1_790_812_800_000L; // 2026-10-01T00:00:00Z

  public static AlertEvent budgetThreshold(String id) {
    AlertEvent a = base(id, AlertEvent.BUDGET_THRESHOLD, AlertEvent.SEVERITY_WARNING);
    a.budgetId = "search-monthly";
    a.observedValue = 812.40;
    a.thresholdValue = 800.0;
    a.percentUsed = 81.24;
    a.projectedSpend = 1175.5;
    a.exhaustionTime = 1_790_467_200_000L; // 2026-09-27T00:00:00Z
    a.message = "80% threshold crossed";
    return a;
  }

  public static AlertEvent anomaly(String id) {
    AlertEvent a = base(id, AlertEvent.COST_ANOMALY, AlertEvent.SEVERITY_CRITICAL);
    a.model = "gpt-4o";
    a.provider = "openai";
    a.observedValue = 310.0;
    a.expectedValue = 42.5;
    a.score = 5.73;
    a.dollarImpact = 267.5;
    a.topContributorsJson = "[{\"user\":\"batch-job\",\"cost_usd\":240.1}]";
    a.message = "hourly cost spike";
    return a;
  }

  public static AlertEvent base(String id, String kind, String severity) {
    AlertEvent a = new AlertEvent();
    a.alertId = id;
    a.kind = kind;
    a.severity = severity;
    a.scope = "project=search";
    a.project = "search";
    a.periodStart = SEPT_1;
    a.periodEnd = OCT_1;
    a.eventTime = SEPT_1 + 20L * 86_400_000L;
    return a;
  }
}
