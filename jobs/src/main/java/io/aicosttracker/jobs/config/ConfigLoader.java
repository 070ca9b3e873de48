package io.aicosttracker.jobs.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.util.TimeUtils;

/**
 * Loads a {@link CostTrackerConfig} from a YAML file (nested sections or Flink-style flat
 * {@code section.key: value} lines) and {@code key=value} overrides from the command line.
 *
 * <p>Keys are kebab-case. Durations take Flink's notation ({@code 500 ms}, {@code 10 s},
 * {@code 5 min}, {@code 2 h}, {@code 2 d}). Unknown keys and invalid values are rejected with a
 * one-line {@link ConfigException} naming the key, before the job starts.
 */
public final class ConfigLoader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper BINDER =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .registerModule(new SimpleModule().addDeserializer(Duration.class, new DurationDeserializer()));

  private ConfigLoader() {}

  /**
   * Reads {@code file} (may be null), applies {@code overrides} (dotted keys), and binds.
   *
   * @throws ConfigException on an unreadable file, an unknown key or an invalid value
   */
  public static CostTrackerConfig load(Path file, Map<String, String> overrides) {
    String origin = file == null ? "command line" : file.toString();
    ObjectNode tree = file == null ? JsonNodeFactory.instance.objectNode() : readFile(file);
    tree = nest(tree, origin);
    for (Map.Entry<String, String> o : overrides.entrySet()) put(tree, o.getKey(), o.getValue(), "command line");
    try {
      return BINDER.treeToValue(tree, CostTrackerConfig.class);
    } catch (UnrecognizedPropertyException e) {
      String key = path(e);
      String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
      throw new ConfigException("unknown setting '" + key + "' in " + origin + " (known here: " + known + ")");
    } catch (JsonMappingException e) {
      throw new ConfigException("invalid value for '" + path(e) + "' in " + origin + ": " + reason(e));
    } catch (JsonProcessingException e) {
      throw new ConfigException("cannot read " + origin + ": " + e.getOriginalMessage());
    }
  }

  /** Parses {@code key=value} arguments into an override map (insertion order kept). */
  public static Map<String, String> parseOverrides(List<String> keyValues) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    for (String kv : keyValues) {
      int eq = kv.indexOf('=');
      if (eq <= 0) throw new ConfigException("expected KEY=VALUE, got '" + kv + "'");
      m.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
    }
    return m;
  }

  private static ObjectNode readFile(Path file) {
    if (!Files.isReadable(file)) throw new ConfigException("config file not readable: " + file);
    try {
      JsonNode n = YAML.readTree(file.toFile());
      if (n == null || n.isMissingNode() || n.isNull()) return JsonNodeFactory.instance.objectNode();
      if (!n.isObject()) throw new ConfigException("config file " + file + " must be a YAML mapping of sections");
      return (ObjectNode) n;
    } catch (JsonProcessingException e) {
      throw new ConfigException("cannot parse " + file + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + e.getMessage());
    }
  }

  /** Expands flat {@code a.b: v} keys into nested objects, so both YAML styles bind alike. */
  private static ObjectNode nest(ObjectNode in, String origin) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      JsonNode value = f.getValue().isObject() && !isFreeMap(f.getKey()) ? nest((ObjectNode) f.getValue(), origin) : f.getValue();
      putNode(out, f.getKey(), value, origin);
    }
    return out;
  }

  // client properties keep their dotted Kafka names (e.g. security.protocol)
  private static boolean isFreeMap(String key) {
    return key.equals("properties") || key.endsWith(".properties") || key.equals("budgets") || key.equals("notifications");
  }

  private static void put(ObjectNode root, String dottedKey, String value, String origin) {
    putNode(root, dottedKey, JsonNodeFactory.instance.textNode(value), origin);
  }

  private static void putNode(ObjectNode root, String dottedKey, JsonNode value, String origin) {
    String[] parts = splitKey(dottedKey);
    ObjectNode node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = node.get(parts[i]);
      if (child == null) {
        child = node.putObject(parts[i]);
      } else if (!child.isObject()) {
        throw new ConfigException("setting '" + dottedKey + "' in " + origin + " conflicts with a value at '" + parts[i] + "'");
      }
      node = (ObjectNode) child;
      if (parts[i].equals("properties")) {
        // the rest of the key is one Kafka property name
        node.set(String.join(".", java.util.Arrays.copyOfRange(parts, i + 1, parts.length)), value);
        return;
      }
    }
    JsonNode existing = node.get(parts[parts.length - 1]);
    if (existing != null && existing.isObject() && value.isObject()) {
      ((ObjectNode) existing).setAll((ObjectNode) value);
    } else {
      node.set(parts[parts.length - 1], value);
    }
  }

  private static String[] splitKey(String key) {
    if (key.isBlank() || key.startsWith(".") || key.endsWith(".") || key.contains("..")) {
      throw new ConfigException("malformed setting name '" + key + "'");
    }
    return key.split("\\.");
  }

  private static String path(JsonMappingException e) {
    List<String> names = new ArrayList<>();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) names.add(r.getFieldName());
    }
    return String.join(".", names);
  }

  private static String reason(JsonMappingException e) {
    String m = e.getOriginalMessage();
    m = m.lines().findFirst().orElse(m);
    return m.replaceAll("\\s*\\(through reference chain.*$", "").replaceAll("`[a-zA-Z0-9_.$]*\\.([A-Za-z]+)`", "$1");
  }

  /** Flink duration notation, e.g. {@code 10 s}, {@code 5 min}, {@code 2 d}; ISO-8601 also works. */
  private static final class DurationDeserializer extends StdScalarDeserializer<Duration> {
    DurationDeserializer() {
      super(Duration.class);
    }

    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      String text = p.getValueAsString();
      if (text == null) return (Duration) ctx.handleUnexpectedToken(Duration.class, p);
      try {
        if (text.startsWith("P") || text.startsWith("p")) return Duration.parse(text);
        return TimeUtils.parseDuration(text);
      } catch (RuntimeException e) {
        throw JsonMappingException.from(p, "'" + text + "' is not a duration (e.g. 500 ms, 10 s, 5 min, 2 h, 2 d)", e);
      }
    }
  }
}
