package io.aicosttracker.connectors.records;

import io.aicosttracker.core.records.DeadLetter;
import io.aicosttracker.core.records.UsageEvent;

/** What a source hands on for one input record: either a valid event or a dead letter. */
public class ParsedRecord {
  public UsageEvent event;
  public DeadLetter deadLetter;

  public ParsedRecord() {}

  public static ParsedRecord ofEvent(UsageEvent e) {
    ParsedRecord r = new ParsedRecord();
    r.event = e;
    return r;
  }

  public static ParsedRecord ofDeadLetter(DeadLetter d) {
    ParsedRecord r = new ParsedRecord();
    r.deadLetter = d;
    return r;
  }

  public boolean isValid() {
    return event != null;
  }
}
