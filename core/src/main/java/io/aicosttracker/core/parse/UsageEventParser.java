package io.aicosttracker.core.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.aicosttracker.core.records.UsageEvent;
import java.io.IOException;
import java.io.StringWriter;
import java.util.function.LongSupplier;

/**
 * Parses and validates usage events from JSON objects or CSV rows.
 *
 * <p>Uses Jackson's streaming parser (no databind) because parsing is the largest per-event
 * cost. Not thread-safe only in the sense that it is cheap to create one per operator instance.
 * Every rejection is an {@link InvalidEventException} whose message becomes the dead-letter
 * reason; unknown fields are ignored so producers can add fields without breaking the job.
 */
public final class UsageEventParser {
  public static final int DEFAULT_MAX_RECORD_BYTES = 1 << 20;
  public static final long DEFAULT_MAX_FUTURE_MILLIS = 24L * 3600 * 1000;

  private final JsonFactory jsonFactory = new JsonFactory();
  private final int maxRecordBytes;
  private final long maxFutureMillis;
  private final LongSupplier clock;

  public UsageEventParser() {
    this(DEFAULT_MAX_RECORD_BYTES, DEFAULT_MAX_FUTURE_MILLIS, System::currentTimeMillis);
  }

  public UsageEventParser(int maxRecordBytes, long maxFutureMillis, LongSupplier clock) {
    this.maxRecordBytes = maxRecordBytes;
    this.maxFutureMillis = maxFutureMillis;
    this.clock = clock;
  }

  public int maxRecordBytes() {
    return maxRecordBytes;
  }

  /** Parses one JSON object. */
  public UsageEvent parseJson(byte[] buf, int off, int len) throws InvalidEventException {
    checkSize(len);
    if (isBlank(buf, off, len)) throw new InvalidEventException("empty record");
    UsageEvent e = newEvent();
    RecurringStrings names = RecurringStrings.forThread();
    try (JsonParser p = jsonFactory.createParser(buf, off, len)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new InvalidEventException("expected a JSON object");
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if (v == JsonToken.VALUE_NULL) continue;
        assignJson(e, name, v, p, names);
      }
      if (t != JsonToken.END_OBJECT) throw new InvalidEventException("malformed JSON object");
      if (p.nextToken() != null) throw new InvalidEventException("trailing content after the JSON object");
    } catch (JsonEOFException ex) {
      throw new InvalidEventException("malformed JSON: unexpected end of input");
    } catch (JsonParseException ex) {
      throw new InvalidEventException("malformed JSON: " + ex.getOriginalMessage());
    } catch (IOException ex) {
      throw new InvalidEventException("unreadable record: " + ex.getMessage());
    }
    validate(e);
    return e;
  }

  /** Parses one CSV row whose cells line up with {@code header} (event field names). */
  public UsageEvent parseCsv(String[] header, String[] cells) throws InvalidEventException {
    if (cells.length != header.length) {
      throw new InvalidEventException(
          "CSV row has " + cells.length + " cells, the header names " + header.length);
    }
    UsageEvent e = newEvent();
    for (int i = 0; i < header.length; i++) {
      String cell = cells[i];
      if (cell == null || cell.isEmpty()) continue;
      assignText(e, header[i], cell);
    }
    validate(e);
    return e;
  }

  // the sentinel tells "no timestamp field" apart from 1970-01-01T00:00:00Z
  private static final long NO_TIMESTAMP = Long.MIN_VALUE;

  private static UsageEvent newEvent() {
    UsageEvent e = new UsageEvent();
    e.timestamp = NO_TIMESTAMP;
    return e;
  }

  private void assignJson(UsageEvent e, String name, JsonToken v, JsonParser p, RecurringStrings names)
      throws IOException, InvalidEventException {
    switch (name) {
      case "tags":
        if (v != JsonToken.START_OBJECT) throw new InvalidEventException("field 'tags' must be an object");
        e.tagsJson = copyObject(p);
        return;
      case "timestamp":
      case "event_id":
        if (v != JsonToken.VALUE_STRING) throw new InvalidEventException("field '" + name + "' must be a string");
        assignText(e, name, p.getText());
        return;
      case "provider":
      case "model":
      case "project":
      case "team":
      case "user":
      case "api_key_id":
      case "environment":
      case "operation":
      case "source":
        if (v != JsonToken.VALUE_STRING) throw new InvalidEventException("field '" + name + "' must be a string");
        // low-cardinality names: the thread's cached instance instead of a new string per event
        assignText(e, name, names.fromChars(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()));
        return;
      case "input_tokens":
      case "output_tokens":
      case "cache_read_tokens":
      case "cache_write_tokens":
      case "reasoning_tokens":
      case "requests":
        if (v != JsonToken.VALUE_NUMBER_INT) {
          throw new InvalidEventException("field '" + name + "' must be an integer >= 0, got " + describe(v, p));
        }
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          throw new InvalidEventException("field '" + name + "' is out of range");
        }
        setCount(e, name, p.getLongValue());
        return;
      case "cost_usd":
        if (v != JsonToken.VALUE_NUMBER_INT && v != JsonToken.VALUE_NUMBER_FLOAT) {
          throw new InvalidEventException("field 'cost_usd' must be a number >= 0, got " + describe(v, p));
        }
        setCost(e, p.getDoubleValue());
        return;
      default:
        p.skipChildren();
    }
  }

  private void assignText(UsageEvent e, String name, String text) throws InvalidEventException {
    switch (name) {
      case "event_id":
        e.eventId = text;
        return;
      case "timestamp":
        try {
          e.timestamp = Rfc3339.parseMillis(text);
        } catch (IllegalArgumentException ex) {
          throw new InvalidEventException("field 'timestamp': " + ex.getMessage());
        }
        return;
      case "provider":
        e.provider = text;
        return;
      case "model":
        e.model = text;
        return;
      case "project":
        e.project = text;
        return;
      case "team":
        e.team = text;
        return;
      case "user":
        e.user = text;
        return;
      case "api_key_id":
        e.apiKeyId = text;
        return;
      case "environment":
        e.environment = text;
        return;
      case "operation":
        e.operation = text;
        return;
      case "source":
        e.source = text;
        return;
      case "input_tokens":
      case "output_tokens":
      case "cache_read_tokens":
      case "cache_write_tokens":
      case "reasoning_tokens":
      case "requests":
        long n;
        try {
          n = Long.parseLong(text.trim());
        } catch (NumberFormatException ex) {
          throw new InvalidEventException("field '" + name + "' must be an integer >= 0, got '" + abbreviate(text) + "'");
        }
        setCount(e, name, n);
        return;
      case "cost_usd":
        double c;
        try {
          c = Double.parseDouble(text.trim());
        } catch (NumberFormatException ex) {
          throw new InvalidEventException("field 'cost_usd' must be a number >= 0, got '" + abbreviate(text) + "'");
        }
        setCost(e, c);
        return;
      case "tags":
        e.tagsJson = parseTagsText(text);
        return;
      default:
        // unknown columns are ignored, like unknown JSON fields
    }
  }

  private static void setCount(UsageEvent e, String name, long n) throws InvalidEventException {
    if (n < 0) throw new InvalidEventException("field '" + name + "' must be an integer >= 0, got " + n);
    switch (name) {
      case "input_tokens":
        e.inputTokens = n;
        break;
      case "output_tokens":
        e.outputTokens = n;
        break;
      case "cache_read_tokens":
        e.cacheReadTokens = n;
        break;
      case "cache_write_tokens":
        e.cacheWriteTokens = n;
        break;
      case "reasoning_tokens":
        e.reasoningTokens = n;
        break;
      case "requests":
        if (n < 1) throw new InvalidEventException("field 'requests' must be an integer >= 1, got " + n);
        e.requests = n;
        break;
      default:
        throw new IllegalStateException(name);
    }
  }

  private static void setCost(UsageEvent e, double c) throws InvalidEventException {
    if (!(c >= 0) || Double.isInfinite(c)) {
      throw new InvalidEventException("field 'cost_usd' must be a number >= 0, got " + c);
    }
    e.reportedCostUsd = c;
  }

  /** The validation rules that span fields, run after all fields are read. */
  private void validate(UsageEvent e) throws InvalidEventException {
    requireText("event_id", e.eventId);
    if (e.timestamp == NO_TIMESTAMP) throw new InvalidEventException("missing required field 'timestamp'");
    requireText("provider", e.provider);
    requireText("model", e.model);
    requireText("project", e.project);
    requireText("source", e.source);
    if (!UsageEvent.SOURCE_API.equals(e.source) && !UsageEvent.SOURCE_MANUAL.equals(e.source)) {
      throw new InvalidEventException("field 'source' must be 'api' or 'manual', got '" + abbreviate(e.source) + "'");
    }
    if (e.cacheReadTokens + e.cacheWriteTokens > e.inputTokens) {
      throw new InvalidEventException(
          "cache_read_tokens + cache_write_tokens ("
              + (e.cacheReadTokens + e.cacheWriteTokens)
              + ") exceed input_tokens ("
              + e.inputTokens
              + ")");
    }
    long now = clock.getAsLong();
    if (e.timestamp > now + maxFutureMillis) {
      throw new InvalidEventException(
          "field 'timestamp' is more than " + (maxFutureMillis / 3_600_000) + "h in the future");
    }
  }

  private static void requireText(String name, String value) throws InvalidEventException {
    if (value == null) throw new InvalidEventException("missing required field '" + name + "'");
    if (value.isBlank()) throw new InvalidEventException("field '" + name + "' must not be empty");
  }

  private void checkSize(int len) throws InvalidEventException {
    if (len > maxRecordBytes) {
      throw new InvalidEventException("record of " + len + " bytes exceeds the limit of " + maxRecordBytes + " bytes");
    }
  }

  private String copyObject(JsonParser p) throws IOException {
    StringWriter w = new StringWriter(64);
    try (JsonGenerator g = jsonFactory.createGenerator(w)) {
      g.copyCurrentStructure(p);
    }
    return w.toString();
  }

  private String parseTagsText(String text) throws InvalidEventException {
    try (JsonParser p = jsonFactory.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) throw new InvalidEventException("field 'tags' must be a JSON object");
      return copyObject(p);
    } catch (IOException ex) {
      throw new InvalidEventException("field 'tags' is not a JSON object: " + abbreviate(text));
    }
  }

  private static String describe(JsonToken v, JsonParser p) throws IOException {
    switch (v) {
      case VALUE_STRING:
        return "'" + abbreviate(p.getText()) + "'";
      case VALUE_NUMBER_FLOAT:
        return p.getText();
      case START_OBJECT:
        p.skipChildren();
        return "an object";
      case START_ARRAY:
        p.skipChildren();
        return "an array";
      default:
        return p.getText();
    }
  }

  private static boolean isBlank(byte[] buf, int off, int len) {
    for (int i = off; i < off + len; i++) {
      byte b = buf[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') return false;
    }
    return true;
  }

  static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }
}
