package io.aicosttracker.jobs.functions;

/**
 * Sorts a dead letter's error message into a short, stable reason class for
 * {@code dead_letter_counts.reason} (the message itself names values and offsets: too many
 * distinct strings for a dashboard series).
 */
public final class DeadLetterReasons {
  public static final String LATE = "late";
  public static final String EMPTY = "empty";
  public static final String INVALID_JSON = "invalid_json";
  public static final String INVALID_CSV = "invalid_csv";
  public static final String MISSING_FIELD = "missing_field";
  public static final String INVALID_FIELD = "invalid_field";
  public static final String TOO_LARGE = "too_large";
  public static final String FUTURE_TIMESTAMP = "future_timestamp";
  public static final String OTHER = "other";

  private DeadLetterReasons() {}

  /** The reason class of an error message from the parser, the file/Kafka readers or the late-event check. */
  public static String classify(String error) {
    if (error == null || error.isBlank()) return OTHER;
    if (error.startsWith("late")) return LATE;
    if (error.equals("empty record")) return EMPTY;
    if (error.startsWith("missing required field")) return MISSING_FIELD;
    if (error.contains("exceeds the limit")) return TOO_LARGE;
    if (error.contains("in the future")) return FUTURE_TIMESTAMP;
    if (error.startsWith("malformed CSV") || error.startsWith("CSV row")) return INVALID_CSV;
    if (error.startsWith("malformed JSON") || error.startsWith("expected a JSON object")
        || error.startsWith("trailing content") || error.startsWith("unreadable record")) {
      return INVALID_JSON;
    }
    if (error.startsWith("field '") || error.startsWith("cache_read_tokens")) return INVALID_FIELD;
    return OTHER;
  }
}
