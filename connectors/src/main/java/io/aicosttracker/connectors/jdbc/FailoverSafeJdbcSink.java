package io.aicosttracker.connectors.jdbc;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;
import org.apache.flink.connector.jdbc.core.datastream.sink.committer.JdbcCommitable;
import org.apache.flink.connector.jdbc.core.datastream.sink.writer.JdbcWriter;
import org.apache.flink.connector.jdbc.core.datastream.sink.writer.JdbcWriterState;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The at-least-once {@link JdbcSink}, except that closing a writer on a failing task does not throw.
 *
 * <p>Why: when PostgreSQL goes away, the writer's flush fails and the task fails; Flink then closes
 * the writer, whose {@code close()} flushes the buffered rows once more, fails again and throws.
 * Flink treats an exception while cleaning up a failed task as fatal and shuts the whole
 * TaskManager down (every job on it; a TaskManager nobody restarts never comes back), instead of
 * restarting the job from its checkpoint. Dropping those buffered rows at close loses nothing:
 * the writer flushes before every checkpoint and at end of input ({@code flush}, which still
 * throws), so rows still buffered at close were produced after the last completed checkpoint and
 * are produced again when the job restarts from it.
 */
final class FailoverSafeJdbcSink<IN>
    implements Sink<IN>, SupportsWriterState<IN, JdbcWriterState>, SupportsCommitter<JdbcCommitable> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(FailoverSafeJdbcSink.class);

  private final JdbcSink<IN> sink;
  private final String table;

  FailoverSafeJdbcSink(JdbcSink<IN> sink, String table) {
    this.sink = sink;
    this.table = table;
  }

  @Override
  public StatefulSinkWriter<IN, JdbcWriterState> createWriter(WriterInitContext context) throws IOException {
    return new Writer<>(sink.createWriter(context), table);
  }

  @Override
  public StatefulSinkWriter<IN, JdbcWriterState> restoreWriter(WriterInitContext context, Collection<JdbcWriterState> state) throws IOException {
    return new Writer<>(sink.restoreWriter(context, state), table);
  }

  @Override
  public SimpleVersionedSerializer<JdbcWriterState> getWriterStateSerializer() {
    return sink.getWriterStateSerializer();
  }

  @Override
  public Committer<JdbcCommitable> createCommitter(CommitterInitContext context) throws IOException {
    return sink.createCommitter(context);
  }

  @Override
  public SimpleVersionedSerializer<JdbcCommitable> getCommittableSerializer() {
    return sink.getCommittableSerializer();
  }

  /** Delegates to the JDBC writer; only {@link #close()} turns a failure into a warning. */
  private static final class Writer<IN> implements StatefulSinkWriter<IN, JdbcWriterState>, CommittingSinkWriter<IN, JdbcCommitable> {
    private final JdbcWriter<IN> writer;
    private final String table;

    Writer(JdbcWriter<IN> writer, String table) {
      this.writer = writer;
      this.table = table;
    }

    @Override
    public void write(IN element, Context context) throws IOException, InterruptedException {
      writer.write(element, context);
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
      writer.flush(endOfInput);
    }

    @Override
    public Collection<JdbcCommitable> prepareCommit() throws IOException, InterruptedException {
      return writer.prepareCommit();
    }

    @Override
    public List<JdbcWriterState> snapshotState(long checkpointId) throws IOException {
      return writer.snapshotState(checkpointId);
    }

    @Override
    public void close() {
      try {
        writer.close();
      } catch (Exception e) {
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        LOG.warn("{}: rows buffered since the last checkpoint were not written at close ({}); the job restarts from the checkpoint and writes them again",
            table, String.valueOf(root.getMessage()).lines().findFirst().orElse(""));
      }
    }
  }
}
