package io.aicosttracker.connectors.notify.message;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aicosttracker.core.records.AlertEvent;

/** The alert as a snake_case JSON object (the generic webhook's body and the dead-letter record). */
public final class AlertJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AlertJson() {}

  public static ObjectNode toNode(AlertEvent a) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("alert_id", a.alertId);
    n.put("kind", a.kind);
    n.put("severity", a.severity);
    n.put("state", a.state);
    n.put("budget_id", a.budgetId);
    n.put("scope", a.scope);
    n.put("project", a.project);
    n.put("team", a.team);
    n.put("provider", a.provider);
    n.put("model", a.model);
    n.put("period_start", a.periodStart);
    n.put("period_end", a.periodEnd);
    n.put("observed_value", a.observedValue);
    n.put("threshold_value", a.thresholdValue);
    n.put("expected_value", a.expectedValue);
    n.put("percent_used", a.percentUsed);
    n.put("projected_spend", a.projectedSpend);
    n.put("exhaustion_time", a.exhaustionTime);
    n.put("score", a.score);
    n.put("dollar_impact", a.dollarImpact);
    if (a.topContributorsJson != null) {
      try {
        n.set("top_contributors", MAPPER.readTree(a.topContributorsJson));
      } catch (Exception e) {
        n.put("top_contributors", a.topContributorsJson);
      }
    } else {
      n.putNull("top_contributors");
    }
    n.put("message", a.message);
    n.put("event_time", a.eventTime);
    n.put("link", a.link);
    return n;
  }
}
