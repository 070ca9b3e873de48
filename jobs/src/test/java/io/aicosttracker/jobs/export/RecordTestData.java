package io.aicosttracker.jobs.export;

import io.aicosttracker.core.forecast.Forecast;
import io.aicosttracker.core.format.AlertJson;
import io.aicosttracker.core.format.ForecastJson;
import io.aicosttracker.core.records.AlertEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Alerts and forecasts as {@code cost-tracker run} records them (JSON lines in part files under
 * {@code OUT/alerts/} and {@code OUT/forecasts/}), with hostile names, absent figures and the
 * files a reader must skip. Numbers are exact in the files' rounding (1e-6 and 1e-4).
 */
final class RecordTestData {
  static final long DAY = 86_400_000L;
  static final long START = ExportTestData.START;

  private RecordTestData() {}

  /** Budget, anomaly, unpriced and resolved alerts over three days; {@code extra} more anomalies. */
  static List<AlertEvent> alerts(int extra) {
    List<AlertEvent> out = new ArrayList<>();
    AlertEvent budget = alert("budget-search-2026-09-80", AlertEvent.BUDGET_THRESHOLD, START + 10 * 3_600_000L);
    budget.severity = AlertEvent.SEVERITY_WARNING;
    budget.budgetId = "search-monthly";
    budget.scope = "project=search";
    budget.project = "search";
    budget.periodStart = START;
    budget.periodEnd = Instant.parse("2026-10-01T00:00:00Z").toEpochMilli();
    budget.observedValue = 812.5;
    budget.thresholdValue = 800.0;
    budget.percentUsed = 101.5625;
    budget.projectedSpend = 1200.25;
    budget.exhaustionTime = Instant.parse("2026-09-21T06:00:00Z").toEpochMilli();
    budget.dollarImpact = 12.5;
    budget.message = "=HYPERLINK(\"http://x\",\"y\") 81% of budget";
    budget.link = "https://grafana.example/d/costs?var-project=search";
    out.add(budget);

    AlertEvent anomaly = alert("anomaly-hostile", AlertEvent.COST_ANOMALY, START + DAY + 5 * 3_600_000L + 123);
    anomaly.severity = AlertEvent.SEVERITY_CRITICAL;
    anomaly.scope = "series";
    anomaly.project = "comma, \"quote\" and\nnewline";
    anomaly.provider = "openai";
    anomaly.model = "naïve ✓ 東京 🚀";
    anomaly.periodStart = START + DAY + 4 * 3_600_000L;
    anomaly.periodEnd = START + DAY + 5 * 3_600_000L;
    anomaly.observedValue = 20.25;
    anomaly.expectedValue = 3.5;
    anomaly.score = 4.75;
    anomaly.dollarImpact = 16.75;
    anomaly.topContributorsJson = "[{\"user\":\"u1\",\"cost_usd\":12.5},{\"user\":\"@cmd\",\"cost_usd\":4.25}]";
    anomaly.message = "-2+3 cost spike";
    out.add(anomaly);

    AlertEvent unpriced = alert("unpriced-openai-odd", AlertEvent.UNPRICED_USAGE, START + 2 * DAY + 1);
    unpriced.severity = AlertEvent.SEVERITY_INFO;
    unpriced.provider = "openai";
    unpriced.model = "=model, \"odd\"\nname";
    unpriced.observedValue = 3.0;
    unpriced.message = "3 events of an unpriced model";
    out.add(unpriced);

    AlertEvent resolved = alert("anomaly-hostile", AlertEvent.COST_ANOMALY, START + DAY + 9 * 3_600_000L);
    resolved.alertId = "anomaly-hostile-resolved";
    resolved.state = "RESOLVED";
    resolved.severity = AlertEvent.SEVERITY_INFO;
    resolved.project = "comma, \"quote\" and\nnewline";
    out.add(resolved);

    String[] projects = {"search", "chat", "'already quoted", "\tleading tab"};
    for (int i = 0; i < extra; i++) {
      AlertEvent a = alert("anomaly-" + i, AlertEvent.COST_ANOMALY, START + (i % 3) * DAY + i * 60_000L);
      a.severity = AlertEvent.SEVERITY_WARNING;
      a.project = projects[i % projects.length];
      a.provider = "anthropic";
      a.model = "claude-sonnet-4";
      a.observedValue = 10 + i * 0.5;
      a.expectedValue = 2.0;
      a.score = 3.25;
      a.dollarImpact = 8 + i * 0.5;
      a.message = "spike " + i;
      out.add(a);
    }
    return out;
  }

  private static AlertEvent alert(String id, String kind, long eventTime) {
    AlertEvent a = new AlertEvent();
    a.alertId = id;
    a.kind = kind;
    a.eventTime = eventTime;
    return a;
  }

  /** Forecasts for four scopes, three origin days and two horizons, one of them without history. */
  static List<Forecast> forecasts() {
    List<Forecast> out = new ArrayList<>();
    String[] scopes = {"all", "project:search", "project:naïve ✓ 東京 🚀", "model:openai/=gpt, \"4o\""};
    for (int day = 0; day < 3; day++) {
      for (int s = 0; s < scopes.length; s++) {
        for (int horizon : new int[] {7, 30}) {
          Forecast f = new Forecast();
          f.scope = scopes[s];
          f.originDate = java.time.LocalDate.of(2026, 9, 1 + day).toString();
          f.horizonDays = horizon;
          f.generatedAt = START + day * DAY + 600_000L;
          if (day == 0 && s == 2) {
            f.status = Forecast.INSUFFICIENT_HISTORY;
            f.historyDays = 2;
          } else {
            f.status = Forecast.OK;
            f.forecastModel = s % 2 == 0 ? "ols_trend_dow" : "log_ols_trend_dow";
            f.historyDays = 20 + day;
            double perDay = 1.25 * (s + 1) + day * 0.25;
            f.dailyPathUsd = new double[horizon];
            Arrays.fill(f.dailyPathUsd, perDay);
            f.expectedTotalUsd = perDay * horizon;
            f.lower80Usd = f.expectedTotalUsd * 0.75;
            f.upper80Usd = f.expectedTotalUsd * 1.25;
            f.lower95Usd = f.expectedTotalUsd * 0.5;
            f.upper95Usd = f.expectedTotalUsd * 1.5;
            f.backtestMape = 0.0625;
            f.backtestHorizonDays = Math.min(horizon, 14);
            f.backtestFolds = 4;
          }
          out.add(f);
        }
      }
    }
    return out;
  }

  /** Writes alerts and forecasts under {@code out} as a run would, plus files a reader must skip. */
  static void writeRun(Path out, List<AlertEvent> alerts, List<Forecast> forecasts) throws IOException {
    Path a = Files.createDirectories(out.resolve("alerts/2026-09-01--00"));
    int half = alerts.size() / 2;
    try (OutputStream o = Files.newOutputStream(a.resolve("part-1-0.jsonl"))) {
      for (AlertEvent e : alerts.subList(0, half)) AlertJson.writeAlert(e, o);
    }
    try (OutputStream o = Files.newOutputStream(a.resolve("part-1-1.jsonl"))) {
      for (AlertEvent e : alerts.subList(half, alerts.size())) AlertJson.writeAlert(e, o);
    }
    // an in-progress part file of a streaming run that was still writing: not a recorded row yet
    Files.writeString(a.resolve(".part-1-2.jsonl.inprogress.0d1f"), "{\"alert_id\":\"half-writ", StandardCharsets.UTF_8);
    Path f = Files.createDirectories(out.resolve("forecasts"));
    try (OutputStream o = Files.newOutputStream(f.resolve("part-7-0.jsonl"))) {
      for (Forecast e : forecasts) ForecastJson.write(e, o);
    }
    // the forecast command's CSV twin sits beside the JSON lines: not read
    Files.writeString(f.resolve("forecasts.csv"), "scope,status\nall,ok\n", StandardCharsets.UTF_8);
  }
}
