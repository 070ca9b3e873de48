package io.aicosttracker.connectors.serialization;

import io.aicosttracker.connectors.records.ParsedRecord;
import io.aicosttracker.core.records.UsageEvent;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Hand-written serializer for {@link ParsedRecord}: a tag byte, then the event or the dead letter. */
public final class ParsedRecordSerializer extends TypeSerializerSingleton<ParsedRecord> {
  private static final long serialVersionUID = 1L;
  public static final ParsedRecordSerializer INSTANCE = new ParsedRecordSerializer();
  private static final byte EVENT = 1;
  private static final byte DEAD_LETTER = 2;
  private static final byte EMPTY = 0;

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public ParsedRecord createInstance() {
    return new ParsedRecord();
  }

  @Override
  public ParsedRecord copy(ParsedRecord from) {
    ParsedRecord c = new ParsedRecord();
    if (from.event != null) {
      c.event = new UsageEvent();
      c.event.copyFrom(from.event);
    }
    if (from.deadLetter != null) c.deadLetter = RecordCodec.copyOf(from.deadLetter);
    return c;
  }

  @Override
  public ParsedRecord copy(ParsedRecord from, ParsedRecord reuse) {
    return copy(from);
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(ParsedRecord record, DataOutputView target) throws IOException {
    if (record.event != null) {
      target.writeByte(EVENT);
      RecordCodec.writeEvent(record.event, target);
    } else if (record.deadLetter != null) {
      target.writeByte(DEAD_LETTER);
      RecordCodec.writeDeadLetter(record.deadLetter, target);
    } else {
      target.writeByte(EMPTY);
    }
  }

  @Override
  public ParsedRecord deserialize(DataInputView source) throws IOException {
    ParsedRecord r = new ParsedRecord();
    byte tag = source.readByte();
    if (tag == EVENT) {
      r.event = new UsageEvent();
      RecordCodec.readEvent(r.event, source);
    } else if (tag == DEAD_LETTER) {
      r.deadLetter = RecordCodec.readDeadLetter(source);
    }
    return r;
  }

  @Override
  public ParsedRecord deserialize(ParsedRecord reuse, DataInputView source) throws IOException {
    return deserialize(source);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    byte tag = source.readByte();
    target.writeByte(tag);
    if (tag == EVENT) RecordCodec.copyEvent(source, target);
    else if (tag == DEAD_LETTER) RecordCodec.copyDeadLetter(source, target);
  }

  @Override
  public TypeSerializerSnapshot<ParsedRecord> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Restores this serializer from checkpoints and savepoints. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<ParsedRecord> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
