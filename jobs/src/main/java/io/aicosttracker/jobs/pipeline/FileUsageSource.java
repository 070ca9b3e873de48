package io.aicosttracker.jobs.pipeline;

import io.aicosttracker.connectors.file.UsageFileFormat;
import io.aicosttracker.connectors.records.ParsedRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Bounded usage-event input from JSON-lines ({@code .jsonl}, {@code .json}, {@code .ndjson}) and
 * CSV ({@code .csv}) files; directories are expanded to the files they contain.
 *
 * <p>One source per file so each dead letter names its file, and several files are read in
 * parallel (a single text file is not splittable).
 */
public final class FileUsageSource {
  private FileUsageSource() {}

  /** Expands {@code inputs} to readable event files, or throws with a one-line reason. */
  public static List<Path> expand(List<Path> inputs) {
    List<Path> files = new ArrayList<>();
    for (Path in : inputs) {
      if (!Files.exists(in)) throw new IllegalArgumentException("input not found: " + in);
      if (Files.isDirectory(in)) {
        try (Stream<Path> s = Files.walk(in)) {
          s.filter(Files::isRegularFile).filter(FileUsageSource::isEventFile).sorted().forEach(files::add);
        } catch (IOException e) {
          throw new IllegalArgumentException("cannot list input directory " + in + ": " + e.getMessage());
        }
      } else {
        if (!isEventFile(in)) {
          throw new IllegalArgumentException("unsupported input file type (expected .jsonl, .json, .ndjson or .csv): " + in);
        }
        if (!Files.isReadable(in)) throw new IllegalArgumentException("input not readable: " + in);
        files.add(in);
      }
    }
    if (files.isEmpty()) throw new IllegalArgumentException("no event files (.jsonl, .json, .ndjson, .csv) in " + inputs);
    return files;
  }

  /** A usage event is about 400 bytes as a JSON line (less as CSV, more with tags). */
  static final int TYPICAL_EVENT_BYTES = 400;

  /** A rough count of the events in {@code files} from their sizes; 0 when a size is unreadable. */
  public static long estimateEvents(List<Path> files) {
    long bytes = 0;
    for (Path f : files) {
      try {
        bytes += Files.size(f);
      } catch (IOException e) {
        return 0;
      }
    }
    return bytes / TYPICAL_EVENT_BYTES;
  }

  static boolean isEventFile(Path p) {
    String n = p.getFileName().toString().toLowerCase();
    return n.endsWith(".jsonl") || n.endsWith(".json") || n.endsWith(".ndjson") || n.endsWith(".csv");
  }

  /** The parsed records of all files as one stream, with timestamps and watermarks assigned in the source. */
  public static DataStream<ParsedRecord> create(
      StreamExecutionEnvironment env, List<Path> files, PipelineOptions options) {
    DataStream<ParsedRecord> all = null;
    for (DataStream<ParsedRecord> s : createEach(env, files, options)) all = all == null ? s : all.union(s);
    return all;
  }

  /** One parsed-record stream per file, for {@link UsagePipeline#build(List, PipelineOptions)}. */
  public static List<DataStream<ParsedRecord>> createEach(
      StreamExecutionEnvironment env, List<Path> files, PipelineOptions options) {
    List<DataStream<ParsedRecord>> streams = new ArrayList<>();
    int i = 0;
    for (Path file : files) {
      boolean csv = file.getFileName().toString().toLowerCase().endsWith(".csv");
      UsageFileFormat format =
          new UsageFileFormat(file.toString(), csv, options.maxRecordBytes, options.maxFutureSkew.toMillis());
      FileSource<ParsedRecord> source =
          FileSource.forRecordStreamFormat(format, new org.apache.flink.core.fs.Path(file.toUri())).build();
      streams.add(
          env.fromSource(source, UsagePipeline.watermarks(options), "Usage file " + file.getFileName())
              .uid("file-source-" + i++));
    }
    return streams;
  }
}
