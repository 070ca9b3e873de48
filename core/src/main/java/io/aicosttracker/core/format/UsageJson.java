package io.aicosttracker.core.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.aicosttracker.core.records.DeadLetter;
import io.aicosttracker.core.records.PricedUsage;
import io.aicosttracker.core.records.UsageEvent;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes priced events and dead letters as JSON lines with the event schema's snake_case names.
 *
 * <p>Numbers as numbers, absent optional fields left out. Events go through
 * {@link JsonLineBuilder} (the hot path), dead letters through Jackson's generator.
 */
public final class UsageJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private UsageJson() {}

  private static final byte[] EVENT_ID = JsonLineBuilder.name("event_id");
  private static final byte[] TIMESTAMP = JsonLineBuilder.name("timestamp");
  private static final byte[] PROVIDER = JsonLineBuilder.name("provider");
  private static final byte[] MODEL = JsonLineBuilder.name("model");
  private static final byte[] PROJECT = JsonLineBuilder.name("project");
  private static final byte[] TEAM = JsonLineBuilder.name("team");
  private static final byte[] USER = JsonLineBuilder.name("user");
  private static final byte[] API_KEY_ID = JsonLineBuilder.name("api_key_id");
  private static final byte[] ENVIRONMENT = JsonLineBuilder.name("environment");
  private static final byte[] OPERATION = JsonLineBuilder.name("operation");
  private static final byte[] INPUT_TOKENS = JsonLineBuilder.name("input_tokens");
  private static final byte[] OUTPUT_TOKENS = JsonLineBuilder.name("output_tokens");
  private static final byte[] CACHE_READ_TOKENS = JsonLineBuilder.name("cache_read_tokens");
  private static final byte[] CACHE_WRITE_TOKENS = JsonLineBuilder.name("cache_write_tokens");
  private static final byte[] REASONING_TOKENS = JsonLineBuilder.name("reasoning_tokens");
  private static final byte[] REQUESTS = JsonLineBuilder.name("requests");
  private static final byte[] REPORTED_COST_USD = JsonLineBuilder.name("reported_cost_usd");
  private static final byte[] SOURCE = JsonLineBuilder.name("source");
  private static final byte[] TAGS = JsonLineBuilder.name("tags");
  private static final byte[] COST_USD = JsonLineBuilder.name("cost_usd");
  private static final byte[] COST_BASIS = JsonLineBuilder.name("cost_basis");
  private static final byte[] PRICE_MODEL_ID = JsonLineBuilder.name("price_model_id");
  private static final byte[] CATALOG_VERSION = JsonLineBuilder.name("catalog_version");
  private static final byte[] CATALOG_COST_USD = JsonLineBuilder.name("catalog_cost_usd");

  /** One builder per thread: the writers run on Flink task threads, a record at a time. */
  private static final ThreadLocal<JsonLineBuilder> BUILDER = ThreadLocal.withInitial(JsonLineBuilder::new);

  /** Writes one priced event as a JSON object followed by a newline. */
  public static void writePriced(PricedUsage e, OutputStream out) throws IOException {
    JsonLineBuilder b = BUILDER.get().start();
    eventFields(e, b, REPORTED_COST_USD);
    b.number(COST_USD, e.costUsd);
    b.recurring(COST_BASIS, e.costBasis);
    if (e.priceModelId != null) b.recurring(PRICE_MODEL_ID, e.priceModelId);
    if (e.catalogVersion != null) b.recurring(CATALOG_VERSION, e.catalogVersion);
    if (e.catalogCostUsd != null) b.number(CATALOG_COST_USD, e.catalogCostUsd);
    b.endLine(out);
  }

  /** The input fields of a usage event (shared by raw and priced output). */
  private static void eventFields(UsageEvent e, JsonLineBuilder b, byte[] reportedCostName) {
    b.string(EVENT_ID, e.eventId);
    b.timestamp(TIMESTAMP, e.timestamp);
    b.recurring(PROVIDER, e.provider);
    b.recurring(MODEL, e.model);
    b.recurring(PROJECT, e.project);
    if (e.team != null) b.recurring(TEAM, e.team);
    if (e.user != null) b.recurring(USER, e.user);
    if (e.apiKeyId != null) b.recurring(API_KEY_ID, e.apiKeyId);
    if (e.environment != null) b.recurring(ENVIRONMENT, e.environment);
    if (e.operation != null) b.recurring(OPERATION, e.operation);
    b.number(INPUT_TOKENS, e.inputTokens);
    b.number(OUTPUT_TOKENS, e.outputTokens);
    b.number(CACHE_READ_TOKENS, e.cacheReadTokens);
    b.number(CACHE_WRITE_TOKENS, e.cacheWriteTokens);
    b.number(REASONING_TOKENS, e.reasoningTokens);
    b.number(REQUESTS, e.requests);
    if (e.reportedCostUsd != null) b.number(reportedCostName, e.reportedCostUsd);
    b.recurring(SOURCE, e.source);
    if (e.tagsJson != null) b.raw(TAGS, e.tagsJson);
  }

  /** Writes a usage event in the input schema (what a producer sends), one line. */
  public static String toInputJson(UsageEvent e) {
    JsonLineBuilder b = BUILDER.get().start();
    // the input schema calls the provider-reported cost cost_usd
    eventFields(e, b, COST_USD);
    return b.endToString();
  }

  /** Writes one dead letter as a JSON object followed by a newline. */
  public static void writeDeadLetter(DeadLetter d, OutputStream out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      writeDeadLetter(d, g);
    }
    out.write('\n');
  }

  /** Writes one dead letter as a JSON object to {@code g} (no separator). */
  public static void writeDeadLetter(DeadLetter d, JsonGenerator g) throws IOException {
    g.writeStartObject();
    if (d.file != null) {
      g.writeStringField("file", d.file);
      g.writeNumberField("line", d.line);
    }
    if (d.topic != null) {
      g.writeStringField("topic", d.topic);
      g.writeNumberField("partition", d.partition);
      g.writeNumberField("offset", d.offset);
    }
    g.writeStringField("error", d.error);
    g.writeStringField("raw", d.raw);
    if (d.rawBase64) g.writeBooleanField("raw_base64", true);
    g.writeEndObject();
  }

}
