package io.aicosttracker.core.budget;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads budgets from a YAML or JSON file and rejects invalid ones with a message that names the
 * budget and the field.
 *
 * <p>The file is either a list of budgets or an object with a {@code budgets:} list, so the same
 * list can later become a section of the general configuration file ({@link #fromTree}).
 *
 * <pre>{@code
 * budgets:
 *   - id: search-monthly
 *     scope: {project: search}        # omit for all usage; project, team, provider, model, source
 *     amount_usd: 1500
 *     period: monthly                 # daily | weekly | monthly
 *     reset_day: 1                    # monthly: 1-31 (31 = last day of the month)
 *     time_zone: America/New_York     # IANA zone, default UTC
 *     thresholds: [50, 80, 100]       # percent, default 50, 80, 100
 *     forecast_alerts: true           # default true
 *     channels: [slack-finops]
 * }</pre>
 */
public final class BudgetConfigLoader {
  private static final Set<String> FIELDS =
      Set.of("id", "scope", "amount_usd", "period", "reset_day", "reset_weekday", "time_zone", "thresholds",
          "forecast_alerts", "forecast_min_elapsed", "channels", "description");
  private static final Set<String> SCOPE_FIELDS = Set.of("project", "team", "provider", "model", "source");

  private BudgetConfigLoader() {}

  /** Loads budgets from {@code file} ({@code .json} as JSON, anything else as YAML). */
  public static List<Budget> load(Path file) {
    if (!Files.isReadable(file)) throw new IllegalArgumentException("budgets file not found or not readable: " + file);
    boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    ObjectMapper mapper = json ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
    JsonNode root;
    try {
      root = mapper.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("budgets file " + file + " is not valid " + (json ? "JSON" : "YAML") + ": "
          + e.getOriginalMessage() + locationOf(e));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read budgets file " + file + ": " + e.getMessage());
    }
    try {
      return fromTree(root);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file.getFileName() + ": " + e.getMessage());
    }
  }

  private static String locationOf(JsonProcessingException e) {
    return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
  }

  /** Budgets from a parsed tree: a list, or an object with a {@code budgets} list; empty when null. */
  public static List<Budget> fromTree(JsonNode root) {
    if (root == null || root.isNull() || root.isMissingNode()) return List.of();
    JsonNode list = root.isObject() ? root.get("budgets") : root;
    if (list == null || list.isNull()) return List.of();
    if (!list.isArray()) throw new IllegalArgumentException("'budgets' must be a list of budgets");
    List<Budget> budgets = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int index = 0;
    for (JsonNode node : list) {
      index++;
      Budget b = parse(node, index);
      if (!ids.add(b.id())) throw new IllegalArgumentException("budget '" + b.id() + "': field 'id': duplicate id");
      budgets.add(b);
    }
    return budgets;
  }

  private static Budget parse(JsonNode n, int index) {
    String name = "budget #" + index;
    if (!n.isObject()) throw new IllegalArgumentException(name + ": must be an object");
    JsonNode idNode = n.get("id");
    if (idNode == null || !idNode.isTextual() || idNode.asText().isBlank()) {
      throw new IllegalArgumentException(name + ": field 'id': required, a non-empty string");
    }
    String id = idNode.asText().trim();
    Errors err = new Errors("budget '" + id + "'");
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) throw err.field(f, "unknown field (known: " + String.join(", ", new java.util.TreeSet<>(FIELDS)) + ")");
    }
    BudgetScope scope = scope(n.get("scope"), err);
    JsonNode amountNode = n.get("amount_usd");
    if (amountNode == null || !amountNode.isNumber()) throw err.field("amount_usd", "required, a number");
    double amount = amountNode.asDouble();
    if (!(amount > 0) || Double.isInfinite(amount)) throw err.field("amount_usd", "must be > 0, was " + amountNode.asText());
    ZoneId zone = zone(n.get("time_zone"), err);
    BudgetPeriod period = period(n, zone, err);
    List<Integer> thresholds = thresholds(n.get("thresholds"), err);
    boolean forecast = bool(n.get("forecast_alerts"), true, "forecast_alerts", err);
    double minElapsed = Budget.DEFAULT_FORECAST_MIN_ELAPSED;
    JsonNode me = n.get("forecast_min_elapsed");
    if (me != null && !me.isNull()) {
      if (!me.isNumber() || me.asDouble() < 0 || me.asDouble() >= 1) throw err.field("forecast_min_elapsed", "must be a number in [0, 1), was " + me);
      minElapsed = me.asDouble();
    }
    List<String> channels = new ArrayList<>();
    JsonNode ch = n.get("channels");
    if (ch != null && !ch.isNull()) {
      if (!ch.isArray()) throw err.field("channels", "must be a list of channel names");
      for (JsonNode c : ch) {
        if (!c.isTextual() || c.asText().isBlank()) throw err.field("channels", "entries must be non-empty strings");
        channels.add(c.asText());
      }
    }
    return new Budget(id, scope, amount, period, thresholds, forecast, minElapsed, channels);
  }

  private static BudgetScope scope(JsonNode s, Errors err) {
    if (s == null || s.isNull()) return BudgetScope.ALL;
    if (s.isTextual() && s.asText().equalsIgnoreCase("all")) return BudgetScope.ALL;
    if (!s.isObject()) throw err.field("scope", "must be 'all' or an object with project, team, provider, model, source");
    for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!SCOPE_FIELDS.contains(f)) throw err.field("scope." + f, "unknown scope field (known: project, team, provider, model, source)");
      if (!s.get(f).isTextual() || s.get(f).asText().isBlank()) throw err.field("scope." + f, "must be a non-empty string");
    }
    return new BudgetScope(text(s, "project"), text(s, "team"), text(s, "provider"), text(s, "model"), text(s, "source"));
  }

  private static String text(JsonNode n, String f) {
    JsonNode v = n.get(f);
    return v == null ? null : v.asText();
  }

  private static ZoneId zone(JsonNode z, Errors err) {
    if (z == null || z.isNull()) return ZoneId.of("UTC");
    try {
      return ZoneId.of(z.asText());
    } catch (DateTimeException e) {
      throw err.field("time_zone", "unknown time zone '" + z.asText() + "' (use an IANA name such as Europe/Berlin)");
    }
  }

  private static BudgetPeriod period(JsonNode n, ZoneId zone, Errors err) {
    JsonNode p = n.get("period");
    if (p == null || !p.isTextual()) throw err.field("period", "required: daily, weekly or monthly");
    JsonNode day = n.get("reset_day");
    JsonNode weekday = n.get("reset_weekday");
    switch (p.asText().toLowerCase(Locale.ROOT)) {
      case "daily":
        if (day != null) throw err.field("reset_day", "only for monthly budgets");
        if (weekday != null) throw err.field("reset_weekday", "only for weekly budgets");
        return BudgetPeriod.daily(zone);
      case "weekly":
        if (day != null) throw err.field("reset_day", "only for monthly budgets (weekly budgets use reset_weekday)");
        if (weekday == null) return BudgetPeriod.weekly(zone, DayOfWeek.MONDAY);
        try {
          return BudgetPeriod.weekly(zone, DayOfWeek.valueOf(weekday.asText().trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw err.field("reset_weekday", "must be a weekday name (monday ... sunday), was '" + weekday.asText() + "'");
        }
      case "monthly":
        if (weekday != null) throw err.field("reset_weekday", "only for weekly budgets (monthly budgets use reset_day)");
        if (day == null) return BudgetPeriod.monthly(zone, 1);
        if (!day.isInt() || day.asInt() < 1 || day.asInt() > 31) throw err.field("reset_day", "must be a whole number 1-31, was " + day);
        return BudgetPeriod.monthly(zone, day.asInt());
      default:
        throw err.field("period", "must be daily, weekly or monthly, was '" + p.asText() + "'");
    }
  }

  private static List<Integer> thresholds(JsonNode t, Errors err) {
    if (t == null || t.isNull()) return Budget.DEFAULT_THRESHOLDS;
    if (!t.isArray() || t.isEmpty()) throw err.field("thresholds", "must be a non-empty list of percentages");
    List<Integer> out = new ArrayList<>();
    for (JsonNode v : t) {
      if (!v.isInt() || v.asInt() < 1 || v.asInt() > 1000) throw err.field("thresholds", "entries must be whole percentages 1-1000, was " + v);
      if (!out.isEmpty() && v.asInt() <= out.get(out.size() - 1)) throw err.field("thresholds", "must be ascending without repeats");
      out.add(v.asInt());
    }
    return out;
  }

  private static boolean bool(JsonNode v, boolean dflt, String field, Errors err) {
    if (v == null || v.isNull()) return dflt;
    if (!v.isBoolean()) throw err.field(field, "must be true or false");
    return v.asBoolean();
  }

  private record Errors(String budget) {
    IllegalArgumentException field(String field, String problem) {
      return new IllegalArgumentException(budget + ": field '" + field + "': " + problem);
    }
  }
}
