package io.aicosttracker.connectors.sink;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.api.common.serialization.Encoder;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;

/**
 * File sinks for the local outputs: JSON lines (row format in streaming jobs, direct I/O part
 * files in batch jobs, see {@link DirectPartFileSink}) and CSV with a header in every part file
 * (bulk format, so the header is written when a part file opens).
 *
 * <p>All of them publish a part file only when it is complete (on a checkpoint in streaming
 * mode, at the end of input in batch mode); until then it is a hidden in-progress file.
 */
public final class TextFileSinks {
  private TextFileSinks() {}

  /** Writes one record to a stream; must be serializable so it ships with the job. */
  @FunctionalInterface
  public interface RecordWriter<T> extends Serializable {
    void write(T record, OutputStream out) throws IOException;
  }

  /** A serializable record-to-CSV-row function. */
  @FunctionalInterface
  public interface RowFunction<T> extends Function<T, String>, Serializable {}

  /** JSON lines (or any line-per-record text) under {@code dir}, files ending {@code .jsonl}. */
  public static <T> FileSink<T> jsonLines(String dir, RecordWriter<T> writer) {
    Encoder<T> encoder = (record, stream) -> writer.write(record, stream);
    return FileSink.forRowFormat(new Path(dir), encoder)
        .withBucketAssigner(new HourBuckets<>())
        .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("part").withPartSuffix(".jsonl").build())
        .build();
  }

  /**
   * JSON lines under a local directory. A bounded (BATCH) job writes them with direct I/O
   * ({@link DirectPartFileSink}): its outputs are large and published once at the end. A
   * streaming job keeps the row format, which rolls part files on time and inactivity.
   */
  public static <T> Sink<T> jsonLines(java.nio.file.Path dir, RecordWriter<T> writer, boolean bounded) {
    return bounded ? new DirectPartFileSink<>(dir, writer, ".jsonl") : jsonLines(dir, writer);
  }

  /** JSON lines under a local directory. */
  public static <T> FileSink<T> jsonLines(java.nio.file.Path dir, RecordWriter<T> writer) {
    return jsonLines(dir.toAbsolutePath().toUri().toString(), writer);
  }

  /** CSV under a local directory, every part file starting with {@code header}. */
  public static <T> FileSink<T> csv(java.nio.file.Path dir, String header, RowFunction<T> row) {
    return csv(dir.toAbsolutePath().toUri().toString(), header, row);
  }

  /** CSV under {@code dir}, every part file starting with {@code header}. */
  public static <T> FileSink<T> csv(String dir, String header, RowFunction<T> row) {
    byte[] firstLine = (header + "\n").getBytes(StandardCharsets.UTF_8);
    RecordWriter<T> rows = (record, out) -> out.write((row.apply(record) + "\n").getBytes(StandardCharsets.UTF_8));
    BulkWriter.Factory<T> factory = out -> new BufferedLinesWriter<>(out, firstLine, rows);
    return FileSink.forBulkFormat(new Path(dir), factory)
        .withBucketAssigner(new HourBuckets<>())
        .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("part").withPartSuffix(".csv").build())
        .build();
  }

  private static final class BufferedLinesWriter<T> implements BulkWriter<T> {
    private final FSDataOutputStream out;
    private final java.io.BufferedOutputStream buffer;
    private final RecordWriter<T> writer;

    /** {@code firstLine} (a CSV header, or nothing) starts every part file. */
    BufferedLinesWriter(FSDataOutputStream out, byte[] firstLine, RecordWriter<T> writer) throws IOException {
      this.out = out;
      this.buffer = new java.io.BufferedOutputStream(out, 1 << 16);
      this.writer = writer;
      buffer.write(firstLine);
    }

    @Override
    public void addElement(T element) throws IOException {
      writer.write(element, buffer);
    }

    @Override
    public void flush() throws IOException {
      buffer.flush();
      out.flush();
    }

    @Override
    public void finish() throws IOException {
      // the sink closes the part file; finish only hands over what is buffered
      flush();
    }
  }
}
