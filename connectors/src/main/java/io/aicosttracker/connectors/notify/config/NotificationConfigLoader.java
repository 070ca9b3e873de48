package io.aicosttracker.connectors.notify.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.aicosttracker.connectors.notify.SecretRef;
import io.aicosttracker.connectors.notify.config.ChannelConfig.ChannelType;
import io.aicosttracker.connectors.notify.message.MessageTemplate;
import io.aicosttracker.core.records.AlertEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code notifications} section from YAML or JSON.
 *
 * <p>A file may hold the section at its top level or under a {@code notifications} key (so the
 * section can live inside the general configuration file); {@link #fromTree} takes the section
 * from an already-parsed tree. Unknown keys are errors (a typo must not silently drop a route),
 * and every error names the offending path, e.g. {@code notifications.channels.ops.url}.
 *
 * <pre>{@code
 * NotificationConfig cfg = NotificationConfigLoader.load(Path.of("notifications.yaml"));
 * }</pre>
 */
public final class NotificationConfigLoader {
  private static final Set<String> KINDS =
      Set.of(AlertEvent.BUDGET_THRESHOLD, AlertEvent.BUDGET_FORECAST, AlertEvent.COST_ANOMALY, AlertEvent.UNPRICED_USAGE, AlertEvent.SYSTEM);
  private static final Set<String> SEVERITIES =
      Set.of(AlertEvent.SEVERITY_INFO, AlertEvent.SEVERITY_WARNING, AlertEvent.SEVERITY_CRITICAL);

  private NotificationConfigLoader() {}

  /** Loads a YAML ({@code .yaml}/{@code .yml}) or JSON file. */
  public static NotificationConfig load(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml") ? new ObjectMapper(new YAMLFactory()) : new ObjectMapper();
    JsonNode root;
    try {
      root = mapper.readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
      throw new IllegalArgumentException("cannot read notifications config " + file + ": " + why);
    }
    if (root == null || !root.isObject()) throw new IllegalArgumentException(file + ": expected a mapping at the top level");
    JsonNode section = root.has("notifications") ? root.get("notifications") : root;
    return fromTree(section, "notifications");
  }

  /** Builds the configuration from a parsed {@code notifications} section. */
  public static NotificationConfig fromTree(JsonNode section, String where) {
    Node n = new Node(section, where);
    n.allow("defaults", "channels", "routes", "budget_channels", "templates", "link_template", "max_in_flight", "delivery_timeout_ms", "dedupe_ttl_days");
    Node d = n.child("defaults");
    d.allow("rate_limit", "retry", "timeout_ms", "concurrency", "allow_insecure_http");
    RateLimit rate = rateLimit(d.child("rate_limit"), RateLimit.DEFAULT);
    RetryPolicy retry = retry(d.child("retry"), RetryPolicy.DEFAULT);
    long timeoutMs = d.positiveLong("timeout_ms", 10_000);
    int concurrency = (int) d.positiveLong("concurrency", 4);
    boolean insecure = d.bool("allow_insecure_http", false);

    Map<String, ChannelConfig> channels = new LinkedHashMap<>();
    Node cs = n.child("channels");
    for (String name : cs.keys()) {
      channels.put(name, channel(name, cs.child(name), rate, retry, timeoutMs, concurrency, insecure));
    }
    List<RouteRule> routes = new ArrayList<>();
    Node rs = n.child("routes");
    for (int i = 0; i < rs.size(); i++) routes.add(route(rs.element(i)));
    Map<String, List<String>> budgetChannels = new LinkedHashMap<>();
    Node bc = n.child("budget_channels");
    for (String budget : bc.keys()) budgetChannels.put(budget, bc.strings(budget));
    Map<String, MessageTemplate> templates = new LinkedHashMap<>();
    Node ts = n.child("templates");
    for (String kind : ts.keys()) {
      if (!KINDS.contains(kind)) throw ts.error(kind, "unknown alert kind (expected one of " + new java.util.TreeSet<>(KINDS) + ")");
      Node t = ts.child(kind);
      t.allow("subject", "summary", "text", "html");
      templates.put(kind, new MessageTemplate(t.string("subject", null), t.string("summary", null), t.string("text", null), t.string("html", null)));
    }
    return new NotificationConfig(
        channels,
        routes,
        budgetChannels,
        templates,
        n.string("link_template", null),
        (int) n.positiveLong("max_in_flight", 1000),
        Duration.ofMillis(n.positiveLong("delivery_timeout_ms", Duration.ofMinutes(15).toMillis())),
        Duration.ofDays(n.positiveLong("dedupe_ttl_days", 45)));
  }

  private static ChannelConfig channel(
      String name, Node c, RateLimit rate, RetryPolicy retry, long timeoutMs, int concurrency, boolean insecure) {
    String typeName = c.requiredString("type");
    ChannelType type;
    try {
      type = ChannelType.valueOf(typeName.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw c.error("type", "unknown channel type '" + typeName + "' (expected sendgrid, slack, discord, teams or webhook)");
    }
    c.allow("type", "url", "secret", "api_key", "from", "to", "api_host", "allow_insecure_http", "rate_limit", "retry", "timeout_ms", "concurrency", "username");
    SecretRef url = c.secretRef("url");
    SecretRef secret = c.secretRef("secret");
    SecretRef apiKey = c.secretRef("api_key");
    String from = c.string("from", null);
    List<String> to = c.strings("to");
    switch (type) {
      case SENDGRID -> {
        if (apiKey == null) throw c.error("api_key", "required for a sendgrid channel ({env: NAME} or {file: PATH})");
        if (from == null) throw c.error("from", "required for a sendgrid channel");
        if (to.isEmpty()) throw c.error("to", "required for a sendgrid channel (one or more addresses)");
      }
      case WEBHOOK -> {
        if (url == null) throw c.error("url", "required for a webhook channel");
        if (secret == null) throw c.error("secret", "required for a webhook channel: the HMAC key receivers verify X-Signature with");
      }
      default -> {
        if (url == null) throw c.error("url", "required for a " + type.configName() + " channel");
      }
    }
    return new ChannelConfig(
        name,
        type,
        url,
        secret,
        apiKey,
        from,
        to,
        c.string("api_host", null),
        c.bool("allow_insecure_http", insecure),
        rateLimit(c.child("rate_limit"), rate),
        retry(c.child("retry"), retry),
        Duration.ofMillis(c.positiveLong("timeout_ms", timeoutMs)),
        (int) c.positiveLong("concurrency", concurrency),
        c.string("username", null));
  }

  private static RouteRule route(Node r) {
    r.allow("match", "channels");
    Node m = r.child("match");
    m.allow("kind", "severity", "min_severity", "project", "budget");
    Set<String> kinds = new LinkedHashSet<>(m.strings("kind"));
    for (String k : kinds) if (!KINDS.contains(k)) throw m.error("kind", "unknown alert kind '" + k + "'");
    Set<String> severities = new LinkedHashSet<>(m.strings("severity"));
    String min = m.string("min_severity", null);
    for (String s : severities) if (!SEVERITIES.contains(s)) throw m.error("severity", "unknown severity '" + s + "' (info, warning, critical)");
    if (min != null && !SEVERITIES.contains(min)) throw m.error("min_severity", "unknown severity '" + min + "' (info, warning, critical)");
    List<String> channels = r.strings("channels");
    if (channels.isEmpty()) throw r.error("channels", "a route needs at least one channel");
    return new RouteRule(kinds, severities, min, new LinkedHashSet<>(m.strings("project")), new LinkedHashSet<>(m.strings("budget")), channels);
  }

  private static RateLimit rateLimit(Node n, RateLimit fallback) {
    if (n.missing()) return fallback;
    n.allow("per_second", "burst");
    try {
      return new RateLimit(n.dbl("per_second", fallback.perSecond()), (int) n.positiveLong("burst", fallback.burst()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(n.where + ": " + e.getMessage());
    }
  }

  private static RetryPolicy retry(Node n, RetryPolicy fallback) {
    if (n.missing()) return fallback;
    n.allow("max_attempts", "initial_backoff_ms", "max_backoff_ms", "multiplier", "jitter");
    try {
      return new RetryPolicy(
          (int) n.positiveLong("max_attempts", fallback.maxAttempts()),
          Duration.ofMillis(n.nonNegativeLong("initial_backoff_ms", fallback.initialBackoff().toMillis())),
          Duration.ofMillis(n.nonNegativeLong("max_backoff_ms", fallback.maxBackoff().toMillis())),
          n.dbl("multiplier", fallback.multiplier()),
          n.dbl("jitter", fallback.jitter()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(n.where + ": " + e.getMessage());
    }
  }

  /** A tree node with its path, for error messages that point at the key. */
  private static final class Node {
    final JsonNode json;
    final String where;

    Node(JsonNode json, String where) {
      this.json = json;
      this.where = where;
    }

    boolean missing() {
      return json == null || json.isNull() || json.isMissingNode();
    }

    IllegalArgumentException error(String key, String message) {
      return new IllegalArgumentException(where + "." + key + ": " + message);
    }

    void allow(String... keys) {
      if (missing()) return;
      if (!json.isObject()) throw new IllegalArgumentException(where + ": expected a mapping");
      Set<String> ok = Set.of(keys);
      for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!ok.contains(k)) throw error(k, "unknown key (expected one of " + new java.util.TreeSet<>(ok) + ")");
      }
    }

    Node child(String key) {
      return new Node(missing() ? null : json.get(key), where + "." + key);
    }

    Node element(int i) {
      return new Node(json.get(i), where + "[" + i + "]");
    }

    int size() {
      if (missing()) return 0;
      if (!json.isArray()) throw new IllegalArgumentException(where + ": expected a list");
      return json.size();
    }

    List<String> keys() {
      if (missing()) return List.of();
      if (!json.isObject()) throw new IllegalArgumentException(where + ": expected a mapping");
      List<String> out = new ArrayList<>();
      json.fieldNames().forEachRemaining(out::add);
      return out;
    }

    String string(String key, String fallback) {
      JsonNode v = missing() ? null : json.get(key);
      if (v == null || v.isNull()) return fallback;
      if (!v.isValueNode()) throw error(key, "expected a text value");
      return v.asText();
    }

    String requiredString(String key) {
      String s = string(key, null);
      if (s == null || s.isBlank()) throw error(key, "required");
      return s;
    }

    /** A string or a list of strings. */
    List<String> strings(String key) {
      JsonNode v = missing() ? null : json.get(key);
      if (v == null || v.isNull()) return List.of();
      if (v.isValueNode()) return List.of(v.asText());
      if (!v.isArray()) throw error(key, "expected a value or a list of values");
      List<String> out = new ArrayList<>();
      for (JsonNode e : v) {
        if (!e.isValueNode()) throw error(key, "expected a list of values");
        out.add(e.asText());
      }
      return out;
    }

    boolean bool(String key, boolean fallback) {
      JsonNode v = missing() ? null : json.get(key);
      if (v == null || v.isNull()) return fallback;
      if (!v.isBoolean()) throw error(key, "expected true or false");
      return v.asBoolean();
    }

    double dbl(String key, double fallback) {
      JsonNode v = missing() ? null : json.get(key);
      if (v == null || v.isNull()) return fallback;
      if (!v.isNumber()) throw error(key, "expected a number");
      return v.asDouble();
    }

    long nonNegativeLong(String key, long fallback) {
      JsonNode v = missing() ? null : json.get(key);
      if (v == null || v.isNull()) return fallback;
      if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 0) throw error(key, "expected a whole number >= 0");
      return v.asLong();
    }

    long positiveLong(String key, long fallback) {
      long value = nonNegativeLong(key, fallback);
      if (value < 1) throw error(key, "expected a whole number >= 1");
      return value;
    }

    /** {@code {env: NAME}}, {@code {file: PATH}}, {@code "env:NAME"} or {@code "file:PATH"}; never a literal. */
    SecretRef secretRef(String key) {
      JsonNode v = missing() ? null : json.get(key);
      if (v == null || v.isNull()) return null;
      String hint = "must be {env: NAME} or {file: PATH} (secrets are never written inline)";
      if (v.isObject()) {
        if (v.size() == 1 && v.hasNonNull("env")) return SecretRef.env(v.get("env").asText());
        if (v.size() == 1 && v.hasNonNull("file")) return SecretRef.file(v.get("file").asText());
        throw error(key, hint);
      }
      if (v.isTextual()) {
        String s = v.asText();
        if (s.startsWith("env:") && s.length() > 4) return SecretRef.env(s.substring(4));
        if (s.startsWith("file:") && s.length() > 5) return SecretRef.file(s.substring(5));
      }
      // never echo the value: it is probably the secret itself
      throw error(key, hint);
    }
  }
}
