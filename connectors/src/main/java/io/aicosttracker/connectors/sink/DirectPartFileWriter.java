package io.aicosttracker.connectors.sink;

import io.aicosttracker.connectors.sink.TextFileSinks.RecordWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.LongSupplier;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;

/**
 * Writes one hidden part file at a time per subtask, in the bucket of the current processing
 * hour, and hands finished ones to the committer: at the end of input, on each checkpoint and
 * when the hour (so the bucket) changes. Names follow Flink's {@code FileSink}, so readers of
 * either see the same layout.
 */
final class DirectPartFileWriter<T> implements CommittingSinkWriter<T, PendingPartFile> {
  private final Path dir;
  private final RecordWriter<T> writer;
  private final String prefix;
  private final String suffix;
  private final int subtask;
  private final String runId = java.util.UUID.randomUUID().toString();
  private final HourBuckets<T> buckets = new HourBuckets<>();
  private final LongSupplier clock;
  private final List<PendingPartFile> finished = new ArrayList<>();

  private DirectIoFile part;
  private String partBucket;
  private Path partInProgress;
  private Path partTarget;
  private int partCounter;

  DirectPartFileWriter(Path dir, RecordWriter<T> writer, String prefix, String suffix, int subtask) {
    this(dir, writer, prefix, suffix, subtask, System::currentTimeMillis);
  }

  /** {@code clock}: the processing time that picks the bucket (tests move it across an hour). */
  DirectPartFileWriter(Path dir, RecordWriter<T> writer, String prefix, String suffix, int subtask, LongSupplier clock) {
    this.clock = clock;
    this.dir = dir;
    this.writer = writer;
    this.prefix = prefix;
    this.suffix = suffix;
    this.subtask = subtask;
  }

  @Override
  public void write(T element, Context context) throws IOException {
    String bucket = buckets.bucketAt(clock.getAsLong());
    if (part == null || !bucket.equals(partBucket)) {
      finishPart();
      openPart(bucket);
    }
    writer.write(element, part);
  }

  @Override
  public void flush(boolean endOfInput) throws IOException {
    if (endOfInput) finishPart();
  }

  @Override
  public Collection<PendingPartFile> prepareCommit() throws IOException {
    finishPart();
    List<PendingPartFile> ready = new ArrayList<>(finished);
    finished.clear();
    return ready;
  }

  /** A part still open here was never handed to the committer: its records are not published. */
  @Override
  public void close() throws IOException {
    if (part == null) return;
    try {
      part.close();
    } finally {
      Files.deleteIfExists(partInProgress);
      part = null;
    }
  }

  private void openPart(String bucket) throws IOException {
    Path bucketDir = dir.resolve(bucket);
    Files.createDirectories(bucketDir);
    String name = prefix + "-" + runId + "-" + subtask + "-" + partCounter++ + suffix;
    partBucket = bucket;
    partTarget = bucketDir.resolve(name);
    partInProgress = bucketDir.resolve("." + name + ".inprogress." + java.util.UUID.randomUUID());
    part = DirectIoFile.create(partInProgress);
  }

  private void finishPart() throws IOException {
    if (part == null) return;
    part.close();
    finished.add(new PendingPartFile(partInProgress.toString(), partTarget.toString()));
    part = null;
  }
}
