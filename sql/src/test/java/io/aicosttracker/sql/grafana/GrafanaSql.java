package io.aicosttracker.sql.grafana;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Expands a Grafana PostgreSQL panel query the way Grafana does before it reaches the database:
 * first template variables (multi-value and "All" as a quoted, comma-separated list), then the
 * SQL macros of the PostgreSQL datasource ({@code $__timeFilter}, {@code $__timeGroupAlias}, ...).
 */
final class GrafanaSql {
  private static final Pattern MACRO = Pattern.compile("\\$__(\\w+)\\(");

  private final Instant from;
  private final Instant to;
  private final String timezone;
  private final String interval;
  private final Map<String, List<String>> variables;

  GrafanaSql(Instant from, Instant to, String timezone, String interval, Map<String, List<String>> variables) {
    this.from = from.truncatedTo(ChronoUnit.SECONDS);
    this.to = to.truncatedTo(ChronoUnit.SECONDS);
    this.timezone = timezone;
    this.interval = interval;
    this.variables = variables;
  }

  String expand(String rawSql, String panelInterval) {
    return macros(variables(rawSql, panelInterval != null ? panelInterval : interval));
  }

  /** Template variables: ${name}, $name, the globals; longest names first so $model does not eat $models. */
  String variables(String sql, String effectiveInterval) {
    String s = sql.replace("${__timezone}", timezone).replace("$__timezone", timezone)
        .replace("${__interval_ms}", Long.toString(seconds(effectiveInterval) * 1000)).replace("$__interval_ms", Long.toString(seconds(effectiveInterval) * 1000))
        .replace("${__interval}", effectiveInterval).replace("$__interval", effectiveInterval)
        .replace("${__from}", Long.toString(from.toEpochMilli())).replace("${__to}", Long.toString(to.toEpochMilli()));
    List<String> names = new ArrayList<>(variables.keySet());
    names.sort(Comparator.comparingInt(String::length).reversed());
    for (String name : names) {
      String value = variables.get(name).stream().map(v -> "'" + v.replace("'", "''") + "'").collect(Collectors.joining(","));
      s = s.replace("${" + name + "}", value).replaceAll("\\$" + Pattern.quote(name) + "(?![A-Za-z0-9_])", Matcher.quoteReplacement(value));
    }
    return s;
  }

  String macros(String sql) {
    StringBuilder out = new StringBuilder();
    int pos = 0;
    Matcher m = MACRO.matcher(sql);
    while (m.find(pos)) {
      out.append(sql, pos, m.start());
      int close = matchingParen(sql, m.end() - 1);
      List<String> args = splitArgs(sql.substring(m.end(), close));
      out.append(macro(m.group(1), args));
      pos = close + 1;
    }
    out.append(sql.substring(pos));
    String s = out.toString();
    if (s.contains("$__")) throw new IllegalArgumentException("unexpanded Grafana macro or variable in: " + s);
    return s;
  }

  private String macro(String name, List<String> a) {
    String f = "'" + from + "'";
    String t = "'" + to + "'";
    switch (name) {
      case "time": return a.get(0) + " AS \"time\"";
      case "timeEpoch": return "extract(epoch from " + a.get(0) + ") AS \"time\"";
      case "timeFilter": return a.get(0) + " BETWEEN " + f + " AND " + t;
      case "timeFrom": return f;
      case "timeTo": return t;
      case "timeGroup": return "floor(extract(epoch from " + a.get(0) + ")/" + seconds(a.get(1)) + ")*" + seconds(a.get(1));
      case "timeGroupAlias": return macro("timeGroup", a) + " AS \"time\"";
      case "unixEpochFilter": return a.get(0) + " >= " + from.getEpochSecond() + " AND " + a.get(0) + " <= " + to.getEpochSecond();
      case "unixEpochFrom": return Long.toString(from.getEpochSecond());
      case "unixEpochTo": return Long.toString(to.getEpochSecond());
      case "unixEpochGroup": return "floor((" + a.get(0) + ")/" + seconds(a.get(1)) + ")*" + seconds(a.get(1));
      case "unixEpochGroupAlias": return macro("unixEpochGroup", a) + " AS \"time\"";
      default: throw new IllegalArgumentException("unknown Grafana macro $__" + name);
    }
  }

  static long seconds(String interval) {
    String s = interval.trim().replace("'", "");
    long n = Long.parseLong(s.substring(0, s.length() - 1));
    switch (s.charAt(s.length() - 1)) {
      case 's': return n;
      case 'm': return n * 60;
      case 'h': return n * 3600;
      case 'd': return n * 86400;
      case 'w': return n * 7 * 86400;
      default: return Duration.parse("PT" + s.toUpperCase()).getSeconds();
    }
  }

  private static int matchingParen(String s, int open) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      if (s.charAt(i) == '(') depth++;
      else if (s.charAt(i) == ')' && --depth == 0) return i;
    }
    throw new IllegalArgumentException("unbalanced macro call in: " + s);
  }

  private static List<String> splitArgs(String args) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < args.length(); i++) {
      char c = args.charAt(i);
      if (c == '(') depth++;
      else if (c == ')') depth--;
      else if (c == ',' && depth == 0) {
        out.add(args.substring(start, i).trim());
        start = i + 1;
      }
    }
    out.add(args.substring(start).trim());
    return out;
  }
}
