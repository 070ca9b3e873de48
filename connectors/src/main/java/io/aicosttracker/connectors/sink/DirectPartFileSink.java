package io.aicosttracker.connectors.sink;

import io.aicosttracker.connectors.sink.TextFileSinks.RecordWriter;
import java.nio.file.Path;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Line-per-record part files on the local file system, written with direct I/O
 * ({@link DirectIoFile}) and published by rename when committed: at the end of input in BATCH
 * mode, after each checkpoint otherwise.
 *
 * <p>For the large local outputs of a batch run (priced events): Flink's {@code FileSink} writes
 * through the page cache, which is most of what writing them costs on this kind of machine.
 * Layout and names are the {@code FileSink}'s: {@code dir/<yyyy-MM-dd--HH>/part-<uuid>-<subtask>-<n><suffix>},
 * hidden {@code .part-...inprogress.<uuid>} files until committed.
 */
public final class DirectPartFileSink<T> implements Sink<T>, SupportsCommitter<PendingPartFile> {
  private static final long serialVersionUID = 1L;

  private final String dir;
  private final RecordWriter<T> writer;
  private final String suffix;

  public DirectPartFileSink(Path dir, RecordWriter<T> writer, String suffix) {
    this.dir = dir.toAbsolutePath().toString();
    this.writer = writer;
    this.suffix = suffix;
  }

  @Override
  public CommittingSinkWriter<T, PendingPartFile> createWriter(WriterInitContext context) {
    return new DirectPartFileWriter<>(Path.of(dir), writer, "part", suffix, context.getTaskInfo().getIndexOfThisSubtask());
  }

  @Override
  public Committer<PendingPartFile> createCommitter(CommitterInitContext context) {
    return new PartFileCommitter();
  }

  @Override
  public SimpleVersionedSerializer<PendingPartFile> getCommittableSerializer() {
    return PendingPartFile.Serializer.INSTANCE;
  }
}
