package io.aicosttracker.core.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
  private static final ObjectMapper MAPPER = new ObjectMapper();

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

  /**
   * Reads back one line written by {@link #writeAlert}: absent fields become null (or 0 for the
   * period), {@code top_contributors} stays JSON text.
   *
   * @throws IllegalArgumentException when the line is not an alert object
   */
  public static AlertEvent readAlert(String line) {
    JsonNode n;
    try {
      n = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON alert line: " + e.getOriginalMessage());
    }
    if (n == null || !n.isObject() || !n.hasNonNull("alert_id") || !n.hasNonNull("kind") || !n.hasNonNull("event_time")) {
      throw new IllegalArgumentException("not an alert line (needs alert_id, kind and event_time)");
    }
    AlertEvent a = new AlertEvent();
    a.alertId = text(n, "alert_id");
    a.kind = text(n, "kind");
    a.severity = text(n, "severity");
    a.state = text(n, "state");
    a.budgetId = text(n, "budget_id");
    a.scope = text(n, "scope");
    a.project = text(n, "project");
    a.team = text(n, "team");
    a.provider = text(n, "provider");
    a.model = text(n, "model");
    Long start = millis(n, "period_start");
    Long end = millis(n, "period_end");
    a.periodStart = start == null ? 0 : start;
    a.periodEnd = end == null ? 0 : end;
    a.observedValue = number(n, "observed_value");
    a.thresholdValue = number(n, "threshold_value");
    a.expectedValue = number(n, "expected_value");
    a.percentUsed = number(n, "percent_used");
    a.projectedSpend = number(n, "projected_spend");
    a.exhaustionTime = millis(n, "exhaustion_time");
    a.score = number(n, "score");
    a.dollarImpact = number(n, "dollar_impact");
    JsonNode top = n.get("top_contributors");
    a.topContributorsJson = top == null || top.isNull() ? null : top.toString();
    a.message = text(n, "message");
    a.eventTime = millis(n, "event_time");
    a.link = text(n, "link");
    return a;
  }

  static String text(JsonNode n, String name) {
    JsonNode v = n.get(name);
    return v == null || v.isNull() ? null : v.asText();
  }

  static Double number(JsonNode n, String name) {
    JsonNode v = n.get(name);
    if (v == null || v.isNull()) return null;
    if (!v.isNumber()) throw new IllegalArgumentException(name + " is not a number: " + v);
    return v.doubleValue();
  }

  static Long millis(JsonNode n, String name) {
    JsonNode v = n.get(name);
    if (v == null || v.isNull()) return null;
    try {
      return Instant.parse(v.asText()).toEpochMilli();
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(name + " is not an RFC 3339 UTC time: " + v);
    }
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
      if (s.forecastProjectedSpendUsd != null) {
        g.writeNumberField("forecast_projected_spend_usd", round(s.forecastProjectedSpendUsd));
        if (s.forecastExhaustion != null) g.writeStringField("forecast_exhaustion", time(s.forecastExhaustion));
        g.writeStringField("forecast_model", s.forecastModel);
        g.writeStringField("forecast_origin", s.forecastOrigin);
      }
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
