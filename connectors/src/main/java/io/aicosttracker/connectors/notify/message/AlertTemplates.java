package io.aicosttracker.connectors.notify.message;

import io.aicosttracker.core.anomaly.ZScore;
import io.aicosttracker.core.records.AlertEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders alerts into {@link AlertMessage}s from per-kind templates.
 *
 * <p>Placeholders: {@code {kind} {severity} {state} {alert_id} {budget_id} {scope} {project}
 * {team} {provider} {model} {spend} {threshold} {budget} {percent} {projected} {exhaustion}
 * {expected} {score} {impact} {top_contributors} {period} {period_start} {period_end} {event_time}
 * {message} {link}}. Money is formatted as {@code $1,234.56}, values that do not apply as {@code
 * n/a}. In HTML templates every value is escaped; in the link template every value is URL-encoded
 * and {@code {period_start_ms} {period_end_ms} {event_time_ms}} are available for Grafana's
 * {@code from}/{@code to}.
 */
public final class AlertTemplates {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private static final String DEFAULT_TEXT = "{summary}\n\n{facts_text}\n{message}\n\nDashboard: {link}\nAlert id: {alert_id}\n";
  private static final String DEFAULT_HTML =
      "<html><body style=\"font-family:sans-serif\"><h2>{subject}</h2><p>{summary}</p>"
          + "<table cellpadding=\"4\">{facts_html}</table><p>{message}</p>"
          + "<p><a href=\"{link}\">Open the dashboard</a></p>"
          + "<p style=\"color:#888;font-size:small\">Alert id {alert_id}</p></body></html>";

  private static final Map<String, MessageTemplate> BUILT_IN = Map.of(
      AlertEvent.BUDGET_THRESHOLD,
      new MessageTemplate(
          "[{severity_upper}] Budget {budget_id}: {percent} used ({spend} of {budget})",
          "Budget {budget_id} ({scope}) has used {spend} of {budget} ({percent}) this period ({period}), crossing the {threshold} threshold.",
          DEFAULT_TEXT, DEFAULT_HTML),
      AlertEvent.BUDGET_FORECAST,
      new MessageTemplate(
          "[{severity_upper}] Budget {budget_id} projected to reach {projected} of {budget}",
          "At the current burn rate budget {budget_id} ({scope}) will spend {projected} this period ({period}) against {budget}; projected exhaustion {exhaustion}.",
          DEFAULT_TEXT, DEFAULT_HTML),
      AlertEvent.COST_ANOMALY,
      new MessageTemplate(
          "[{severity_upper}] Cost anomaly in {scope}: {spend} vs {expected} expected",
          "Spend in {scope} was {spend} where {expected} was expected (z-score {score}, {impact} above normal) in {period}.",
          DEFAULT_TEXT, DEFAULT_HTML),
      AlertEvent.UNPRICED_USAGE,
      new MessageTemplate(
          "[{severity_upper}] Unpriced usage in {scope}",
          "Usage in {scope} ({provider} {model}) has no price in the catalog, so its cost is not counted: {message}",
          DEFAULT_TEXT, DEFAULT_HTML),
      AlertEvent.SYSTEM,
      new MessageTemplate("[{severity_upper}] AI Cost Tracker: {message}", "{message}", DEFAULT_TEXT, DEFAULT_HTML));

  private final Map<String, MessageTemplate> templates;
  private final String linkTemplate;

  public AlertTemplates(Map<String, MessageTemplate> overrides, String linkTemplate) {
    Map<String, MessageTemplate> all = new HashMap<>(BUILT_IN);
    overrides.forEach((kind, t) -> all.put(kind, t.over(BUILT_IN.getOrDefault(kind, BUILT_IN.get(AlertEvent.SYSTEM)))));
    this.templates = all;
    this.linkTemplate = linkTemplate;
  }

  /** Renders {@code alert}; {@code test} marks a {@code notify-test} message. */
  public AlertMessage render(AlertEvent alert, boolean test) {
    MessageTemplate t = templates.getOrDefault(alert.kind, templates.get(AlertEvent.SYSTEM));
    Map<String, String> values = values(alert);
    String link = link(alert, values);
    values.put("link", link == null ? "n/a" : link);
    List<AlertMessage.Fact> facts = facts(alert, values);
    String prefix = test ? "[TEST] " : "";
    String resolved = "RESOLVED".equals(alert.state) ? "[RESOLVED] " : "";
    String subject = prefix + resolved + fill(t.subject(), values, false);
    String summary = (test ? "This is a test message from cost-tracker notify-test; no action is needed. " : "") + fill(t.summary(), values, false);
    values.put("subject", subject);
    values.put("summary", summary);
    StringBuilder factsText = new StringBuilder();
    StringBuilder factsHtml = new StringBuilder();
    for (AlertMessage.Fact f : facts) {
      factsText.append(f.label()).append(": ").append(f.value()).append('\n');
      factsHtml.append("<tr><td><b>").append(escapeHtml(f.label())).append("</b></td><td>").append(escapeHtml(f.value())).append("</td></tr>");
    }
    values.put("facts_text", factsText.toString());
    String text = fill(t.text(), values, false);
    Map<String, String> html = new HashMap<>(values);
    String html0 = fill(t.html(), html, true).replace("\u0000FACTS\u0000", factsHtml.toString());
    return new AlertMessage(alert, subject, summary, facts, link, text, html0, test);
  }

  /** The facts a reader needs for this kind, only those with a value. */
  private static List<AlertMessage.Fact> facts(AlertEvent a, Map<String, String> v) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("Severity", v.get("severity"));
    f.put("Scope", v.get("scope"));
    switch (a.kind == null ? "" : a.kind) {
      case AlertEvent.BUDGET_THRESHOLD, AlertEvent.BUDGET_FORECAST -> {
        f.put("Budget", v.get("budget_id"));
        f.put("Spend so far", v.get("spend"));
        f.put("Budget amount", v.get("budget"));
        f.put("Percent used", v.get("percent"));
        f.put("Threshold", v.get("threshold"));
        f.put("Projected period spend", v.get("projected"));
        f.put("Projected exhaustion", v.get("exhaustion"));
      }
      case AlertEvent.COST_ANOMALY -> {
        f.put("Observed", v.get("spend"));
        f.put("Expected", v.get("expected"));
        f.put("Anomaly score (z)", v.get("score"));
        f.put("Dollar impact", v.get("impact"));
        f.put("Top contributors", v.get("top_contributors"));
      }
      case AlertEvent.UNPRICED_USAGE -> {
        f.put("Provider", v.get("provider"));
        f.put("Model", v.get("model"));
        f.put("Unpriced", a.observedValue == null ? "n/a" : number(a.observedValue));
      }
      default -> {}
    }
    f.put("Period", v.get("period"));
    List<AlertMessage.Fact> out = new ArrayList<>();
    f.forEach((label, value) -> {
      if (value != null && !value.equals("n/a")) out.add(new AlertMessage.Fact(label, value));
    });
    return out;
  }

  private static Map<String, String> values(AlertEvent a) {
    Map<String, String> v = new HashMap<>();
    v.put("kind", orNa(a.kind));
    v.put("severity", orNa(a.severity));
    v.put("severity_upper", a.severity == null ? "INFO" : a.severity.toUpperCase(Locale.ROOT));
    v.put("state", orNa(a.state));
    v.put("alert_id", orNa(a.alertId));
    v.put("budget_id", orNa(a.budgetId));
    v.put("scope", a.scope == null ? "all" : a.scope);
    v.put("project", orNa(a.project));
    v.put("team", orNa(a.team));
    v.put("provider", orNa(a.provider));
    v.put("model", orNa(a.model));
    v.put("spend", money(a.observedValue));
    v.put("threshold", money(a.thresholdValue));
    v.put("budget", money(budgetAmount(a)));
    v.put("percent", a.percentUsed == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", a.percentUsed));
    v.put("projected", money(a.projectedSpend));
    v.put("exhaustion", a.exhaustionTime == null ? "n/a" : MINUTE.format(Instant.ofEpochMilli(a.exhaustionTime)));
    v.put("expected", money(a.expectedValue));
    v.put("score", a.score == null ? "n/a"
        : ZScore.isCapped(a.score) ? ">= " + (long) ZScore.MAX_SCORE
        : String.format(Locale.ROOT, "%.2f", a.score));
    v.put("impact", money(a.dollarImpact));
    v.put("top_contributors", orNa(a.topContributorsJson));
    v.put("period_start", a.periodStart > 0 ? DAY.format(Instant.ofEpochMilli(a.periodStart)) : "n/a");
    v.put("period_end", a.periodEnd > 0 ? DAY.format(Instant.ofEpochMilli(a.periodEnd)) : "n/a");
    v.put("period", a.periodStart > 0 && a.periodEnd > 0
        ? MINUTE.format(Instant.ofEpochMilli(a.periodStart)) + " to " + MINUTE.format(Instant.ofEpochMilli(a.periodEnd))
        : "n/a");
    v.put("event_time", a.eventTime > 0 ? MINUTE.format(Instant.ofEpochMilli(a.eventTime)) : "n/a");
    v.put("message", a.message == null ? "" : a.message);
    v.put("facts_html", "\u0000FACTS\u0000");
    return v;
  }

  /** The budget amount: spend / percent used, when the alert carries both. */
  private static Double budgetAmount(AlertEvent a) {
    if (a.observedValue == null || a.percentUsed == null || a.percentUsed <= 0) return null;
    return a.observedValue * 100.0 / a.percentUsed;
  }

  private String link(AlertEvent a, Map<String, String> values) {
    if (a.link != null && !a.link.isBlank()) return a.link;
    if (linkTemplate == null) return null;
    Map<String, String> raw = new HashMap<>(values);
    raw.put("period_start_ms", Long.toString(a.periodStart));
    raw.put("period_end_ms", Long.toString(a.periodEnd));
    raw.put("event_time_ms", Long.toString(a.eventTime));
    Matcher m = PLACEHOLDER.matcher(linkTemplate);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = raw.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : URLEncoder.encode(value, StandardCharsets.UTF_8)));
    }
    m.appendTail(out);
    return out.toString();
  }

  static String fill(String template, Map<String, String> values, boolean html) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      String text = value == null ? m.group() : html && !value.equals("\u0000FACTS\u0000") ? escapeHtml(value) : value;
      m.appendReplacement(out, Matcher.quoteReplacement(text));
    }
    m.appendTail(out);
    return out.toString();
  }

  public static String escapeHtml(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private static String orNa(String s) {
    return s == null || s.isBlank() ? "n/a" : s;
  }

  static String money(Double d) {
    return d == null ? "n/a" : String.format(Locale.ROOT, "$%,.2f", d);
  }

  private static String number(double d) {
    return d == Math.rint(d) ? String.format(Locale.ROOT, "%,d", (long) d) : String.format(Locale.ROOT, "%,.2f", d);
  }
}
