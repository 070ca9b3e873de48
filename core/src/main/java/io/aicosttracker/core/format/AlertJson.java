package io.aicosttracker.core.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.aicosttracker.core.records.AlertEvent;
import io.aicosttracker.core.records.BudgetStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Alert events and budget statuses as JSON lines with snake_case names, the format of
 * {@code alerts/}, {@code budget-status/} and the {@code cost-alerts} topic.
 *
 * <p>Times are RFC 3339 UTC strings; fields that do not apply to an alert's kind are left out.
 */
public final class AlertJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private AlertJson() {}

  /** Writes one alert as a JSON object followed by a newline. */
  public static void writeAlert(AlertEvent a, OutputStream out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      writeAlertObject(a, g);
    }
    out.write('\n');
  }

  /** One alert as a JSON string (no newline), e.g. a Kafka record value. */
  public static String toJson(AlertEvent a) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream(512);
    try (JsonGenerator g = FACTORY.createGenerator(buf)) {
      writeAlertObject(a, g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  private static void writeAlertObject(AlertEvent a, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("alert_id", a.alertId);
    g.writeStringField("kind", a.kind);
    g.writeStringField("severity", a.severity);
    g.writeStringField("state", a.state);
    text(g, "budget_id", a.budgetId);
    text(g, "scope", a.scope);
    text(g, "project", a.project);
    text(g, "team", a.team);
    text(g, "provider", a.provider);
    text(g, "model", a.model);
    if (a.periodStart != 0 || a.periodEnd != 0) {
      g.writeStringField("period_start", time(a.periodStart));
      g.writeStringField("period_end", time(a.periodEnd));
    }
    number(g, "observed_value", a.observedValue);
    number(g, "threshold_value", a.thresholdValue);
    number(g, "expected_value", a.expectedValue);
    number(g, "percent_used", a.percentUsed);
    number(g, "projected_spend", a.projectedSpend);
    if (a.exhaustionTime != null) g.writeStringField("exhaustion_time", time(a.exhaustionTime));
    number(g, "score", a.score);
    number(g, "dollar_impact", a.dollarImpact);
    if (a.topContributorsJson != null) {
      g.writeFieldName("top_contributors");
      g.writeRawValue(a.topContributorsJson);
    }
    text(g, "message", a.message);
    g.writeStringField("event_time", time(a.eventTime));
    text(g, "link", a.link);
    g.writeEndObject();
  }

  /** Writes one budget status as a JSON object followed by a newline. */
  public static void writeStatus(BudgetStatus s, OutputStream out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeStringField("budget_id", s.budgetId);
      g.writeStringField("scope", s.scope);
      g.writeStringField("period_label", s.periodLabel);
      g.writeStringField("time_zone", s.timeZone);
      g.writeStringField("period_start", time(s.periodStart));
      g.writeStringField("period_end", time(s.periodEnd));
      g.writeStringField("as_of", time(s.asOf));
      g.writeNumberField("amount_usd", s.amountUsd);
      g.writeNumberField("spend_usd", round(s.spendUsd));
      g.writeNumberField("percent_used", round(s.percentUsed));
      g.writeNumberField("burn_rate_usd_per_hour", round(s.burnRateUsdPerHour));
      g.writeNumberField("projected_spend_usd", round(s.projectedSpendUsd));
      if (s.projectedExhaustion != null) g.writeStringField("projected_exhaustion", time(s.projectedExhaustion));
      g.writeStringField("state", s.state);
      g.writeNumberField("events", s.events);
      g.writeEndObject();
    }
    out.write('\n');
  }

  private static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }

  private static String time(long millis) {
    return Instant.ofEpochMilli(millis).toString();
  }

  private static void text(JsonGenerator g, String name, String v) throws IOException {
    if (v != null) g.writeStringField(name, v);
  }

  private static void number(JsonGenerator g, String name, Double v) throws IOException {
    if (v != null && Double.isFinite(v)) g.writeNumberField(name, round(v));
  }
}
