package io.aicosttracker.jobs.export;

import io.aicosttracker.core.forecast.Forecast;
import io.aicosttracker.core.format.AlertJson;
import io.aicosttracker.core.format.ForecastJson;
import io.aicosttracker.core.records.AlertEvent;
import io.aicosttracker.jobs.functions.PipelineCounters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.enumerate.NonSplittingRecursiveEnumerator;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;

/**
 * Reads back the JSON lines a run recorded for alerts ({@code OUT/alerts/}) and forecasts
 * ({@code OUT/forecasts/}) as records, so the export writes exactly what the run alerted and
 * forecast instead of recomputing it with possibly different budgets, options or clock.
 *
 * <p>An input directory that has the dataset's sub-directory (a run's {@code --out}) stands for
 * that sub-directory. Only completed part files are read: hidden in-progress files ({@code .part-...})
 * and names starting with {@code _} are skipped, like Flink's own file source does.
 */
final class RecordFileSource {
  private RecordFileSource() {}

  /** The {@code .jsonl} files of {@code dataset} under {@code inputs} (possibly none), or a one-line error. */
  static List<Path> expand(List<Path> inputs, ExportDataset dataset) {
    List<Path> files = new ArrayList<>();
    for (Path in : inputs) {
      if (!Files.exists(in)) throw new IllegalArgumentException("input not found: " + in);
      Path root = Files.isDirectory(in.resolve(dataset.recordDir())) ? in.resolve(dataset.recordDir()) : in;
      if (Files.isDirectory(root)) {
        try (Stream<Path> s = Files.walk(root)) {
          s.filter(Files::isRegularFile).filter(p -> isRecordFile(root, p)).sorted().forEach(files::add);
        } catch (IOException e) {
          throw new IllegalArgumentException("cannot list input directory " + root + ": " + e.getMessage());
        }
      } else if (in.getFileName().toString().endsWith(".jsonl")) {
        if (!Files.isReadable(in)) throw new IllegalArgumentException("input not readable: " + in);
        files.add(in);
      } else {
        throw new IllegalArgumentException(
            dataset.id() + " are read from the JSON lines a run wrote (" + dataset.recordDir() + "/*.jsonl), not from " + in);
      }
    }
    return files;
  }

  private static boolean isRecordFile(Path root, Path p) {
    for (Path part : root.relativize(p)) {
      String n = part.toString();
      if (n.startsWith(".") || n.startsWith("_")) return false;
    }
    return p.getFileName().toString().endsWith(".jsonl");
  }

  /** The alert events recorded in {@code files}. */
  static DataStream<AlertEvent> alerts(StreamExecutionEnvironment env, List<Path> files) {
    return read(env, files, ExportDataset.ALERTS, AlertEvent.class, new ParseLines<>(ExportDataset.ALERTS.id(), AlertJson::readAlert));
  }

  /** The forecasts recorded in {@code files}. */
  static DataStream<Forecast> forecasts(StreamExecutionEnvironment env, List<Path> files) {
    return read(env, files, ExportDataset.FORECASTS, Forecast.class, new ParseLines<>(ExportDataset.FORECASTS.id(), ForecastJson::read));
  }

  private static <T> DataStream<T> read(
      StreamExecutionEnvironment env, List<Path> files, ExportDataset dataset, Class<T> type, ParseLines<T> parse) {
    TypeInformation<T> info = TypeInformation.of(type);
    FileSource<String> source;
    if (files.isEmpty()) {
      // a run that recorded nothing still gets an (empty) snapshot with a manifest: a source that
      // accepts no file (env.fromData fails on an empty collection in Flink 2.2)
      Path here = Path.of(System.getProperty("java.io.tmpdir"));
      source = FileSource.forRecordStreamFormat(new TextLineInputFormat(), new org.apache.flink.core.fs.Path(here.toUri()))
          .setFileEnumerator(() -> new NonSplittingRecursiveEnumerator(p -> false))
          .build();
    } else {
      org.apache.flink.core.fs.Path[] paths =
          files.stream().map(p -> new org.apache.flink.core.fs.Path(p.toUri())).toArray(org.apache.flink.core.fs.Path[]::new);
      source = FileSource.forRecordStreamFormat(new TextLineInputFormat(), paths).build();
    }
    return env.fromSource(source, WatermarkStrategy.noWatermarks(), "Recorded " + dataset.id())
        .uid("export-read-" + dataset.id())
        .flatMap(parse, info)
        .uid("export-parse-" + dataset.id())
        .name("Parse " + dataset.id());
  }

  /** Parses one JSON line into a record; blank lines are skipped, a bad line fails the export. */
  static final class ParseLines<T> extends RichFlatMapFunction<String, T> {
    private static final long serialVersionUID = 1L;

    /** A serializable line parser. */
    interface Parser<T> extends Function<String, T>, java.io.Serializable {}

    private final String dataset;
    private final Parser<T> parser;
    private transient LongCounter read;

    ParseLines(String dataset, Parser<T> parser) {
      this.dataset = dataset;
      this.parser = parser;
    }

    @Override
    public void open(OpenContext openContext) {
      read = getRuntimeContext().getLongCounter(PipelineCounters.READ);
    }

    @Override
    public void flatMap(String line, Collector<T> out) {
      if (line.isBlank()) return;
      read.add(1);
      try {
        out.collect(parser.apply(line));
      } catch (IllegalArgumentException e) {
        // the exported files must hold every recorded row: stop rather than skip one
        String head = line.length() > 80 ? line.substring(0, 80) + "..." : line;
        // no cause: the command line prints the innermost message, and this one names the line
        throw new IllegalArgumentException("bad " + dataset + " line (" + e.getMessage() + "): " + head);
      }
    }
  }
}
