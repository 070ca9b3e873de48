package io.aicosttracker.connectors.sink;

import java.io.IOException;
import java.io.Serializable;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/** A finished, still hidden part file and the name it gets when committed. */
public final class PendingPartFile implements Serializable {
  private static final long serialVersionUID = 1L;

  public final String inProgress;
  public final String target;

  public PendingPartFile(String inProgress, String target) {
    this.inProgress = inProgress;
    this.target = target;
  }

  @Override
  public String toString() {
    return "PendingPartFile{" + inProgress + " -> " + target + "}";
  }

  /** Committables travel through the committer's checkpointed state: versioned from the start. */
  static final class Serializer implements SimpleVersionedSerializer<PendingPartFile> {
    static final Serializer INSTANCE = new Serializer();

    @Override
    public int getVersion() {
      return 1;
    }

    @Override
    public byte[] serialize(PendingPartFile part) throws IOException {
      DataOutputSerializer out = new DataOutputSerializer(256);
      out.writeUTF(part.inProgress);
      out.writeUTF(part.target);
      return out.getCopyOfBuffer();
    }

    @Override
    public PendingPartFile deserialize(int version, byte[] serialized) throws IOException {
      if (version != 1) throw new IOException("unknown pending part file version " + version);
      DataInputDeserializer in = new DataInputDeserializer(serialized);
      return new PendingPartFile(in.readUTF(), in.readUTF());
    }
  }
}
