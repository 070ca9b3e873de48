package io.aicosttracker.core.pricing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aicosttracker.core.pricing.CatalogModel.Model;
import io.aicosttracker.core.pricing.CatalogModel.Provider;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Turns genai-prices {@code providers.json} bytes into {@link CatalogModel} objects. */
final class CatalogParser {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CatalogParser() {}

  /** Parses a catalog; throws IllegalArgumentException with a one-line message naming the path. */
  static List<Provider> parse(byte[] json, String version) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("price catalog " + version + ": invalid JSON: "
          + e.getOriginalMessage().replace('\n', ' ') + " at line "
          + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()));
    } catch (IOException e) {
      throw new IllegalArgumentException("price catalog " + version + ": unreadable: " + e);
    }
    try {
      return providers(root);
    } catch (ShapeException e) {
      throw new IllegalArgumentException("price catalog " + version + ": " + e.getMessage());
    }
  }

  /** Unchecked marker for shape errors; rewrapped with the catalog version by {@link #parse}. */
  static final class ShapeException extends RuntimeException {
    ShapeException(String path, String problem) {
      super(path + ": " + problem, null, false, false);
    }
  }

  private static List<Provider> providers(JsonNode root) {
    if (root == null || !root.isArray()) {
      throw new ShapeException("$", "expected a JSON array of providers");
    }
    List<Provider> out = new ArrayList<>(root.size());
    for (int i = 0; i < root.size(); i++) {
      out.add(provider(root.get(i), "$[" + i + "]"));
    }
    return List.copyOf(out);
  }

  private static Provider provider(JsonNode node, String path) {
    requireObject(node, path);
    String id = text(node, "id", path).toLowerCase(Locale.ROOT);
    String at = path + "(" + id + ")";
    MatchRule providerMatch = optionalRule(node.get("provider_match"), at + ".provider_match");
    MatchRule modelMatch = optionalRule(node.get("model_match"), at + ".model_match");
    List<String> fallbacks = new ArrayList<>();
    JsonNode fb = node.get("fallback_model_providers");
    if (fb != null && !fb.isNull()) {
      if (!fb.isArray()) {
        throw new ShapeException(at + ".fallback_model_providers", "expected an array");
      }
      fb.forEach(f -> fallbacks.add(f.asText().toLowerCase(Locale.ROOT)));
    }
    JsonNode models = node.get("models");
    if (models == null || !models.isArray()) {
      throw new ShapeException(at + ".models", "expected an array");
    }
    List<Model> parsed = new ArrayList<>(models.size());
    for (int i = 0; i < models.size(); i++) {
      parsed.add(model(models.get(i), at + ".models[" + i + "]"));
    }
    return new Provider(id, providerMatch, modelMatch, List.copyOf(fallbacks), List.copyOf(parsed));
  }

  private static Model model(JsonNode node, String path) {
    requireObject(node, path);
    String id = text(node, "id", path);
    String at = path + "(" + id + ")";
    JsonNode match = node.get("match");
    if (match == null) {
      throw new ShapeException(at + ".match", "missing");
    }
    return new Model(id, rule(match, at + ".match"), schedule(node.get("prices"), at + ".prices"));
  }

  private static MatchRule optionalRule(JsonNode node, String path) {
    return node == null || node.isNull() ? null : rule(node, path);
  }

  private static MatchRule rule(JsonNode node, String path) {
    if (!node.isObject() || node.size() != 1) {
      throw new ShapeException(path, "expected an object with exactly one clause");
    }
    String kind = node.fieldNames().next();
    JsonNode value = node.get(kind);
    switch (kind) {
      case "or":
      case "and":
        if (!value.isArray()) {
          throw new ShapeException(path + "." + kind, "expected an array of clauses");
        }
        List<MatchRule> rules = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
          rules.add(rule(value.get(i), path + "." + kind + "[" + i + "]"));
        }
        return kind.equals("or") ? MatchRule.or(rules) : MatchRule.and(rules);
      case "equals":
        return MatchRule.equalsTo(string(value, path + ".equals"));
      case "starts_with":
        return MatchRule.startsWith(string(value, path + ".starts_with"));
      case "ends_with":
        return MatchRule.endsWith(string(value, path + ".ends_with"));
      case "contains":
        return MatchRule.contains(string(value, path + ".contains"));
      case "regex":
        try {
          return MatchRule.regex(Pattern.compile(string(value, path + ".regex")));
        } catch (PatternSyntaxException e) {
          throw new ShapeException(path + ".regex", "invalid regex: " + e.getDescription());
        }
      default:
        return MatchRule.NEVER;
    }
  }

  private static PriceSchedule schedule(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      throw new ShapeException(path, "missing");
    }
    if (node.isObject()) {
      return PriceSchedule.fixed(PriceSetParser.parse(node, path));
    }
    if (!node.isArray() || node.size() == 0) {
      throw new ShapeException(path, "expected a price object or a non-empty array");
    }
    int n = node.size();
    byte[] kinds = new byte[n];
    long[] from = new long[n];
    long[] until = new long[n];
    PriceSet[] sets = new PriceSet[n];
    for (int i = 0; i < n; i++) {
      String at = path + "[" + i + "]";
      JsonNode entry = node.get(i);
      requireObject(entry, at);
      sets[i] = PriceSetParser.parse(entry.get("prices"), at + ".prices");
      JsonNode c = entry.get("constraint");
      kinds[i] = constraint(c, at + ".constraint", from, until, i);
    }
    return new PriceSchedule(kinds, from, until, sets);
  }

  private static byte constraint(JsonNode c, String path, long[] from, long[] until, int i) {
    if (c == null || c.isNull()) {
      return PriceSchedule.ALWAYS;
    }
    requireObject(c, path);
    String type = c.path("type").asText("");
    try {
      if (type.equals("start_date")) {
        from[i] = LocalDate.parse(text(c, "start_date", path)).atStartOfDay(ZoneOffset.UTC)
            .toInstant().toEpochMilli();
        return PriceSchedule.FROM_DATE;
      }
      if (type.equals("time_of_date")) {
        from[i] = utcMillisOfDay(text(c, "start_time", path));
        until[i] = utcMillisOfDay(text(c, "end_time", path));
        return PriceSchedule.TIME_OF_DAY;
      }
    } catch (DateTimeParseException e) {
      throw new ShapeException(path, "bad date/time '" + e.getParsedString() + "'");
    }
    return PriceSchedule.NEVER;
  }

  /** "00:30:00Z" or "08:30:00+08:00" to millis of the UTC day; no offset means UTC. */
  private static long utcMillisOfDay(String s) {
    LocalTime t = s.endsWith("Z") || s.contains("+") || s.lastIndexOf('-') > 0
        ? OffsetTime.parse(s).withOffsetSameInstant(ZoneOffset.UTC).toLocalTime()
        : LocalTime.parse(s);
    return t.toNanoOfDay() / 1_000_000L;
  }

  static void requireObject(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw new ShapeException(path, "expected an object");
    }
  }

  private static String text(JsonNode node, String field, String path) {
    return string(node.get(field), path + "." + field);
  }

  private static String string(JsonNode node, String path) {
    if (node == null || !node.isTextual()) {
      throw new ShapeException(path, "expected a string");
    }
    return node.asText();
  }
}
