package io.aicosttracker.connectors.serialization;

import io.aicosttracker.core.records.PricedUsage;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Hand-written serializer for {@link PricedUsage}: the event's fields, then its pricing. */
public final class PricedUsageSerializer extends TypeSerializerSingleton<PricedUsage> {
  private static final long serialVersionUID = 1L;
  public static final PricedUsageSerializer INSTANCE = new PricedUsageSerializer();

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public PricedUsage createInstance() {
    return new PricedUsage();
  }

  @Override
  public PricedUsage copy(PricedUsage from) {
    return copy(from, new PricedUsage());
  }

  @Override
  public PricedUsage copy(PricedUsage from, PricedUsage reuse) {
    reuse.copyFrom(from);
    RecordCodec.copyPricing(from, reuse);
    return reuse;
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(PricedUsage record, DataOutputView target) throws IOException {
    RecordCodec.writeEvent(record, target);
    RecordCodec.writePricing(record, target);
  }

  @Override
  public PricedUsage deserialize(DataInputView source) throws IOException {
    return deserialize(new PricedUsage(), source);
  }

  @Override
  public PricedUsage deserialize(PricedUsage reuse, DataInputView source) throws IOException {
    RecordCodec.readEvent(reuse, source);
    RecordCodec.readPricing(reuse, source);
    return reuse;
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    RecordCodec.copyEvent(source, target);
    RecordCodec.copyPricing(source, target);
  }

  @Override
  public TypeSerializerSnapshot<PricedUsage> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Restores this serializer from checkpoints and savepoints. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<PricedUsage> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
