package io.aicosttracker.jobs;

import io.aicosttracker.jobs.config.ConfigLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The streaming job's connection flags, shared (as a picocli mixin) by {@code flink run ...
 * CostTrackerJob} and {@code cost-tracker run --kafka}; each maps to a configuration key and
 * beats the file's value, {@code --set KEY=VALUE} reaches any key.
 */
public final class StreamingFlags {
  @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file (docs/streaming.md); flags beat its values.")
  public Path config;

  @Option(names = "--kafka", paramLabel = "BOOTSTRAP", description = "Kafka bootstrap servers (kafka.bootstrap-servers).")
  public String kafka;

  @Option(names = "--topic", description = "Usage-event topic (kafka.topic, default usage-events).")
  public String topic;

  @Option(names = "--group-id", description = "Consumer group (kafka.group-id, default cost-tracker).")
  public String groupId;

  @Option(names = "--jdbc-url", description = "PostgreSQL for aggregates, alerts, forecasts, deliveries (jdbc.url).")
  public String jdbcUrl;

  @Option(names = "--jdbc-user", description = "PostgreSQL user (jdbc.user).")
  public String jdbcUser;

  @Option(names = "--jdbc-password-env", paramLabel = "VAR", description = "Environment variable holding the password (jdbc.password-env).")
  public String jdbcPasswordEnv;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any setting, e.g. --set checkpoints.interval=30s (repeatable).")
  public List<String> settings = new ArrayList<>();

  /** True when a streaming-only flag was given. */
  public boolean anyStreamingOnly() {
    return config != null || kafka != null || topic != null || groupId != null || !settings.isEmpty();
  }

  /** The flags as configuration overrides (flags named here win over --set). */
  public Map<String, String> overrides() {
    Map<String, String> m = new LinkedHashMap<>(ConfigLoader.parseOverrides(settings));
    if (kafka != null) m.put("kafka.bootstrap-servers", kafka);
    if (topic != null) m.put("kafka.topic", topic);
    if (groupId != null) m.put("kafka.group-id", groupId);
    if (jdbcUrl != null) m.put("jdbc.url", jdbcUrl);
    if (jdbcUser != null) m.put("jdbc.user", jdbcUser);
    if (jdbcPasswordEnv != null) m.put("jdbc.password-env", jdbcPasswordEnv);
    return m;
  }
}
