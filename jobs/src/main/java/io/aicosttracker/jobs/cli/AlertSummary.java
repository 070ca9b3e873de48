package io.aicosttracker.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.aicosttracker.jobs.alerts.AlertFiles;
import io.aicosttracker.jobs.alerts.AlertStage;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The alerts of a finished run, counted by kind and state, with the first few messages. */
record AlertSummary(List<JsonNode> alerts, int statuses, Path dir) {
  static AlertSummary read(Path out) {
    return new AlertSummary(
        AlertFiles.read(out.resolve(AlertStage.ALERTS_DIR)), AlertFiles.read(out.resolve(AlertStage.BUDGET_STATUS_DIR)).size(), out);
  }

  void print(PrintStream p) {
    Map<String, Integer> counts = new TreeMap<>();
    for (JsonNode a : alerts) counts.merge(a.path("kind").asText() + " " + a.path("state").asText(), 1, Integer::sum);
    p.printf("alerts           %,d%s%n", alerts.size(), counts.isEmpty() ? "" : "  " + counts);
    p.printf("budget statuses  %,d%n", statuses);
    alerts.stream()
        .filter(a -> "ALERT".equals(a.path("state").asText()))
        .sorted(Comparator.comparing((JsonNode a) -> a.path("kind").asText().equals("UNPRICED_USAGE"))
            .thenComparing(a -> a.path("event_time").asText()))
        .limit(10)
        .forEach(a -> p.println("  " + a.path("event_time").asText() + " " + a.path("kind").asText() + ": " + a.path("message").asText()));
    p.println("alert files      " + dir.resolve(AlertStage.ALERTS_DIR).toAbsolutePath());
  }
}
