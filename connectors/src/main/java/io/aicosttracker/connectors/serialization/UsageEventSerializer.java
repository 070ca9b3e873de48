package io.aicosttracker.connectors.serialization;

import io.aicosttracker.core.records.UsageEvent;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Hand-written serializer for {@link UsageEvent}: no reflection on the hot path. */
public final class UsageEventSerializer extends TypeSerializerSingleton<UsageEvent> {
  private static final long serialVersionUID = 1L;
  public static final UsageEventSerializer INSTANCE = new UsageEventSerializer();

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public UsageEvent createInstance() {
    return new UsageEvent();
  }

  @Override
  public UsageEvent copy(UsageEvent from) {
    UsageEvent c = new UsageEvent();
    c.copyFrom(from);
    return c;
  }

  @Override
  public UsageEvent copy(UsageEvent from, UsageEvent reuse) {
    reuse.copyFrom(from);
    return reuse;
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(UsageEvent record, DataOutputView target) throws IOException {
    RecordCodec.writeEvent(record, target);
  }

  @Override
  public UsageEvent deserialize(DataInputView source) throws IOException {
    UsageEvent e = new UsageEvent();
    RecordCodec.readEvent(e, source);
    return e;
  }

  @Override
  public UsageEvent deserialize(UsageEvent reuse, DataInputView source) throws IOException {
    RecordCodec.readEvent(reuse, source);
    return reuse;
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    RecordCodec.copyEvent(source, target);
  }

  @Override
  public TypeSerializerSnapshot<UsageEvent> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Restores this serializer from checkpoints and savepoints. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<UsageEvent> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
