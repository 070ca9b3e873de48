package io.aicosttracker.core.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.aicosttracker.core.records.DeadLetter;
import io.aicosttracker.core.records.PricedUsage;
import io.aicosttracker.core.records.UsageEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes priced events and dead letters as JSON lines with the event schema's snake_case names.
 *
 * <p>Streaming generator, numbers as numbers, absent optional fields left out.
 */
public final class UsageJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private UsageJson() {}

  /** Writes one priced event as a JSON object followed by a newline. */
  public static void writePriced(PricedUsage e, OutputStream out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      writePriced(e, g);
    }
    out.write('\n');
  }

  /** Writes one priced event as a JSON object to {@code g} (no separator). */
  public static void writePriced(PricedUsage e, JsonGenerator g) throws IOException {
    g.writeStartObject();
    writeEventFields(e, g);
    g.writeNumberField("cost_usd", e.costUsd);
    g.writeStringField("cost_basis", e.costBasis);
    if (e.priceModelId != null) g.writeStringField("price_model_id", e.priceModelId);
    if (e.catalogVersion != null) g.writeStringField("catalog_version", e.catalogVersion);
    if (e.catalogCostUsd != null) g.writeNumberField("catalog_cost_usd", e.catalogCostUsd);
    g.writeEndObject();
  }

  /**
   * A generator for many records in a row over {@code out}: numbers written with Jackson's
   * shortest-representation double writer (the JDK's {@code Double.toString} was a tenth of the
   * writer's time), the target left open on close.
   */
  public static JsonGenerator reusableGenerator(OutputStream out) throws IOException {
    JsonGenerator g = FACTORY.createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.enable(com.fasterxml.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER.mappedFeature());
    // the caller ends each record with a newline; Jackson would add a space between root values
    g.setRootValueSeparator(null);
    return g;
  }

  /** Writes the input fields of a usage event (shared by raw and priced output). */
  public static void writeEventFields(UsageEvent e, JsonGenerator g) throws IOException {
    g.writeStringField("event_id", e.eventId);
    g.writeStringField("timestamp", io.aicosttracker.core.parse.Rfc3339.formatMillis(e.timestamp));
    g.writeStringField("provider", e.provider);
    g.writeStringField("model", e.model);
    g.writeStringField("project", e.project);
    optional(g, "team", e.team);
    optional(g, "user", e.user);
    optional(g, "api_key_id", e.apiKeyId);
    optional(g, "environment", e.environment);
    optional(g, "operation", e.operation);
    g.writeNumberField("input_tokens", e.inputTokens);
    g.writeNumberField("output_tokens", e.outputTokens);
    g.writeNumberField("cache_read_tokens", e.cacheReadTokens);
    g.writeNumberField("cache_write_tokens", e.cacheWriteTokens);
    g.writeNumberField("reasoning_tokens", e.reasoningTokens);
    g.writeNumberField("requests", e.requests);
    if (e.reportedCostUsd != null) g.writeNumberField("reported_cost_usd", e.reportedCostUsd);
    g.writeStringField("source", e.source);
    if (e.tagsJson != null) {
      g.writeFieldName("tags");
      g.writeRawValue(e.tagsJson);
    }
  }

  /** Writes a usage event in the input schema (what a producer sends), one line. */
  public static String toInputJson(UsageEvent e) {
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream(512);
    try (JsonGenerator g = FACTORY.createGenerator(buf)) {
      g.writeStartObject();
      writeEventFields(e, g);
      g.writeEndObject();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    // the input schema calls the provider-reported cost cost_usd
    return buf.toString(java.nio.charset.StandardCharsets.UTF_8).replace("\"reported_cost_usd\":", "\"cost_usd\":");
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

  private static void optional(JsonGenerator g, String name, String value) throws IOException {
    if (value != null) g.writeStringField(name, value);
  }
}
