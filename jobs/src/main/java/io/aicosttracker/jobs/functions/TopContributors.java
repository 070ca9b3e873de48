package io.aicosttracker.jobs.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The users and teams that drove a window's cost, for the anomaly's {@code top_contributors}. */
final class TopContributors {
  private static final int TOP_USERS = 3;

  private TopContributors() {}

  /** JSON array: [{"dimension":"user","value":..,"cost_usd":..,"share":..}, ...], users then the top team. */
  static String json(SeriesCost s) {
    StringBuilder b = new StringBuilder("[");
    for (Map.Entry<String, Double> e : top(s.costByUser, TOP_USERS)) append(b, "user", e, s.costUsd);
    for (Map.Entry<String, Double> e : top(s.costByTeam, 1)) append(b, "team", e, s.costUsd);
    return b.append(']').toString();
  }

  /** e.g. {@code user batch-runaway 93%}. */
  static String summary(SeriesCost s) {
    List<Map.Entry<String, Double>> t = top(s.costByUser, 1);
    if (t.isEmpty() || s.costUsd <= 0) return "-";
    return String.format(Locale.ROOT, "user %s %.0f%%", t.get(0).getKey(), 100 * t.get(0).getValue() / s.costUsd);
  }

  private static List<Map.Entry<String, Double>> top(Map<String, Double> m, int n) {
    List<Map.Entry<String, Double>> l = new ArrayList<>(m.entrySet());
    l.sort((a, b) -> b.getValue().compareTo(a.getValue()) != 0 ? b.getValue().compareTo(a.getValue()) : a.getKey().compareTo(b.getKey()));
    return l.subList(0, Math.min(n, l.size()));
  }

  private static void append(StringBuilder b, String dim, Map.Entry<String, Double> e, double total) {
    if (b.length() > 1) b.append(',');
    b.append("{\"dimension\":\"").append(dim).append("\",\"value\":\"").append(escape(e.getKey())).append("\",");
    b.append(String.format(Locale.ROOT, "\"cost_usd\":%.6f,\"share\":%.4f}", e.getValue(), total > 0 ? e.getValue() / total : 0));
  }

  private static String escape(String v) {
    StringBuilder b = new StringBuilder();
    for (char c : v.toCharArray()) {
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
      else b.append(c);
    }
    return b.toString();
  }
}
