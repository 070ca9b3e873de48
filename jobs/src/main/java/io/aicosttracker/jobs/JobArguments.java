package io.aicosttracker.jobs;

import io.aicosttracker.jobs.config.ConfigLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command-line flags of {@link CostTrackerJob#main}; each maps to a configuration key and beats
 * the file's value, {@code --set KEY=VALUE} reaches any key.
 */
@Command(name = "CostTrackerJob", description = "The continuous cost-tracker job (Kafka -> pipeline -> sinks).")
final class JobArguments {
  @Option(names = "--config", description = "YAML configuration file (docs/streaming.md).")
  Path config;

  @Option(names = "--kafka", description = "Kafka bootstrap servers (kafka.bootstrap-servers).")
  String kafka;

  @Option(names = "--topic", description = "Usage-event topic (kafka.topic, default usage-events).")
  String topic;

  @Option(names = "--group-id", description = "Consumer group (kafka.group-id, default cost-tracker).")
  String groupId;

  @Option(names = "--out", description = "Directory for file outputs (output.dir).")
  String out;

  @Option(names = "--jdbc-url", description = "PostgreSQL for aggregates, alerts, forecasts, deliveries (jdbc.url).")
  String jdbcUrl;

  @Option(names = "--jdbc-user", description = "PostgreSQL user (jdbc.user).")
  String jdbcUser;

  @Option(names = "--jdbc-password-env", paramLabel = "VAR", description = "Environment variable holding the password (jdbc.password-env).")
  String jdbcPasswordEnv;

  @Option(names = "--budgets", paramLabel = "FILE", description = "Budgets file, YAML or JSON (alerts.budgets-file).")
  String budgets;

  @Option(names = "--notifications", paramLabel = "FILE", description = "Notification channels and routes (alerts.notifications-file).")
  String notifications;

  @Option(names = "--parallelism", description = "Operator parallelism (job.parallelism).")
  Integer parallelism;

  @Option(names = "--set", description = "Any setting as KEY=VALUE, e.g. --set checkpoints.interval=30s (repeatable).")
  List<String> settings = new ArrayList<>();

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
  boolean help;

  /** The flags as configuration overrides (flags named here win over --set). */
  Map<String, String> overrides() {
    Map<String, String> m = new LinkedHashMap<>(ConfigLoader.parseOverrides(settings));
    if (kafka != null) m.put("kafka.bootstrap-servers", kafka);
    if (topic != null) m.put("kafka.topic", topic);
    if (groupId != null) m.put("kafka.group-id", groupId);
    if (out != null) m.put("output.dir", out);
    if (parallelism != null) m.put("job.parallelism", parallelism.toString());
    if (jdbcUrl != null) m.put("jdbc.url", jdbcUrl);
    if (jdbcUser != null) m.put("jdbc.user", jdbcUser);
    if (jdbcPasswordEnv != null) m.put("jdbc.password-env", jdbcPasswordEnv);
    if (budgets != null) m.put("alerts.budgets-file", budgets);
    if (notifications != null) m.put("alerts.notifications-file", notifications);
    return m;
  }
}
