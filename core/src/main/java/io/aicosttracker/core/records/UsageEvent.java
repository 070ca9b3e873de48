package io.aicosttracker.core.records;

import java.util.Objects;

/**
 * One LLM usage record as it arrives (from a provider usage API or a manual entry).
 *
 * <p>A mutable Flink POJO (public fields, no-arg constructor) so Flink serializes it with its
 * PojoSerializer instead of falling back to Kryo. Token counts follow the OpenTelemetry GenAI
 * conventions: {@code inputTokens} is the total input including cache reads and writes,
 * {@code outputTokens} includes reasoning tokens.
 */
public class UsageEvent {
  public static final String SOURCE_API = "api";
  public static final String SOURCE_MANUAL = "manual";

  public String eventId;
  /** Event time, epoch milliseconds UTC. */
  public long timestamp;

  public String provider;
  public String model;
  public String project;
  public String team;
  public String user;
  public String apiKeyId;
  public String environment;
  public String operation = "chat";

  public long inputTokens;
  public long outputTokens;
  public long cacheReadTokens;
  public long cacheWriteTokens;
  public long reasoningTokens;
  public long requests = 1;

  /** Provider-reported cost in USD, or null when the record carries none. */
  public Double reportedCostUsd;

  public String source;
  /** Tags as a compact JSON object string (kept as a string so Flink needs no Kryo), or null. */
  public String tagsJson;

  public UsageEvent() {}

  /** Copies every field of {@code other} into this object. */
  public void copyFrom(UsageEvent other) {
    eventId = other.eventId;
    timestamp = other.timestamp;
    provider = other.provider;
    model = other.model;
    project = other.project;
    team = other.team;
    user = other.user;
    apiKeyId = other.apiKeyId;
    environment = other.environment;
    operation = other.operation;
    inputTokens = other.inputTokens;
    outputTokens = other.outputTokens;
    cacheReadTokens = other.cacheReadTokens;
    cacheWriteTokens = other.cacheWriteTokens;
    reasoningTokens = other.reasoningTokens;
    requests = other.requests;
    reportedCostUsd = other.reportedCostUsd;
    source = other.source;
    tagsJson = other.tagsJson;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (o == null || getClass() != o.getClass()) return false;
    UsageEvent that = (UsageEvent) o;
    return timestamp == that.timestamp
        && inputTokens == that.inputTokens
        && outputTokens == that.outputTokens
        && cacheReadTokens == that.cacheReadTokens
        && cacheWriteTokens == that.cacheWriteTokens
        && reasoningTokens == that.reasoningTokens
        && requests == that.requests
        && Objects.equals(eventId, that.eventId)
        && Objects.equals(provider, that.provider)
        && Objects.equals(model, that.model)
        && Objects.equals(project, that.project)
        && Objects.equals(team, that.team)
        && Objects.equals(user, that.user)
        && Objects.equals(apiKeyId, that.apiKeyId)
        && Objects.equals(environment, that.environment)
        && Objects.equals(operation, that.operation)
        && Objects.equals(reportedCostUsd, that.reportedCostUsd)
        && Objects.equals(source, that.source)
        && Objects.equals(tagsJson, that.tagsJson);
  }

  @Override
  public int hashCode() {
    return Objects.hash(eventId, timestamp, provider, model, project);
  }

  @Override
  public String toString() {
    return "UsageEvent{" + eventId + " " + provider + "/" + model + " " + project + " @" + timestamp + "}";
  }
}
