package io.aicosttracker.jobs.bench;

import io.aicosttracker.connectors.export.ExportFormat;
import io.aicosttracker.connectors.export.ExportSinks;
import io.aicosttracker.connectors.export.ParquetCompression;
import io.aicosttracker.core.export.NativeSchemas;
import io.aicosttracker.core.records.PricedUsage;
import io.aicosttracker.core.records.UsageEvent;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Export throughput: N priced events (generated in the job, so the figure is the export's own
 * cost: row conversion, encoding, compression, date partitioning and file commit) written by the
 * export {@code FileSink} in BATCH mode; prints rows/s and bytes per row for each format.
 *
 * <p>{@code java ... io.aicosttracker.jobs.bench.ExportBenchmark [--rows N] [--formats parquet,parquet-avro,csv,jsonl]
 * [--parallelism 2] [--compression snappy] [--out DIR]}. The start-up of the embedded cluster
 * (about 2 s) is included in the time, as a user would see it.
 */
public final class ExportBenchmark {
  private ExportBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = 10_000_000L;
    List<String> formats = List.of("parquet", "csv", "jsonl");
    int parallelism = 2;
    ParquetCompression compression = ParquetCompression.SNAPPY;
    Path out = Path.of("target/export-bench");
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--rows" -> rows = Long.parseLong(args[i + 1].replace("_", ""));
        case "--formats" -> formats = List.of(args[i + 1].split(","));
        case "--parallelism" -> parallelism = Integer.parseInt(args[i + 1]);
        case "--compression" -> compression = ParquetCompression.parse(args[i + 1]);
        case "--out" -> out = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    System.out.printf(Locale.ROOT, "export benchmark: %,d priced events, parallelism %d, %d cores%n", rows, parallelism, Runtime.getRuntime().availableProcessors());
    for (String name : formats) {
      // parquet-avro: the reference writer (parquet-avro records), same files as parquet
      boolean avroReference = name.equals("parquet-avro");
      ExportFormat format = avroReference ? ExportFormat.PARQUET : ExportFormat.parse(name);
      Path dir = out.resolve(name).toAbsolutePath();
      deleteRecursively(dir);
      double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      long cpuStart = ProcessCpu.totalNanosNow();
      long start = System.nanoTime();
      run(rows, format, avroReference, compression, parallelism, dir);
      double secs = (System.nanoTime() - start) / 1e9;
      double cpuSecs = (ProcessCpu.totalNanosNow() - cpuStart) / 1e9;
      long bytes = size(dir);
      long fileCount = count(dir);
      // other processes share the cores: CPU seconds show what the export itself needs
      System.out.printf(Locale.ROOT, "%-12s %,12d rows  %7.1f s wall  %,10.0f rows/s  %7.1f CPU-s  %,10.0f rows/CPU-s  %6.1f bytes/row  %,d bytes in %d files  (load avg before: %.1f)%n",
          name, rows, secs, rows / secs, cpuSecs, rows / cpuSecs, (double) bytes / rows, bytes, fileCount, load);
      deleteRecursively(dir);
    }
  }

  static void run(long rows, ExportFormat format, boolean avroReference, ParquetCompression compression, int parallelism, Path dir) throws Exception {
    Configuration conf = new Configuration();
    conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
    conf.set(org.apache.flink.configuration.PipelineOptions.GENERIC_TYPES, false);
    conf.set(TaskManagerOptions.NUM_TASK_SLOTS, parallelism);
    conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(128));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(parallelism);
    env.getConfig().enableObjectReuse(); // as the export job: no defensive copies between chained operators
    env.fromSequence(0, rows - 1)
        .map(new SyntheticPricedEvent())
        .returns(TypeInformation.of(PricedUsage.class))
        .uid("bench-events")
        .name("Synthetic priced events")
        .sinkTo(
            ExportSinks.builder(NativeSchemas.pricedEvents())
                .destination(dir.toUri().toString())
                .filePrefix("priced-events")
                .format(format)
                .compression(compression)
                .avroParquetReference(avroReference)
                .build())
        .uid("bench-export")
        .name("Export " + format.extension());
    env.execute("export benchmark " + format.extension());
  }

  /** A realistic priced event from a sequence number: 20 projects, 8 models, 30 days. */
  static final class SyntheticPricedEvent implements MapFunction<Long, PricedUsage> {
    private static final String[] MODELS = {
      "gpt-4o", "gpt-4o-mini", "o3-mini", "claude-sonnet-4", "claude-haiku-3.5", "gemini-2.5-pro", "gemini-2.5-flash", "mistral-large"
    };
    private static final long START = 1_788_220_800_000L; // 2026-09-01T00:00:00Z

    @Override
    public PricedUsage map(Long i) {
      long h = i * 0x9E3779B97F4A7C15L;
      PricedUsage e = new PricedUsage();
      e.eventId = "evt-" + i;
      e.timestamp = START + Math.floorMod(h, 30L * 86_400_000L);
      e.model = MODELS[(int) Math.floorMod(h >>> 7, MODELS.length)];
      e.provider = e.model.startsWith("gpt") || e.model.startsWith("o3") ? "openai" : e.model.startsWith("claude") ? "anthropic" : e.model.startsWith("gemini") ? "google" : "mistral";
      e.project = "project-" + Math.floorMod(h >>> 13, 20);
      e.team = "team-" + Math.floorMod(h >>> 19, 5);
      e.environment = (h & 1) == 0 ? "prod" : "staging";
      e.operation = "chat";
      e.inputTokens = 200 + Math.floorMod(h >>> 23, 8000);
      e.outputTokens = 50 + Math.floorMod(h >>> 31, 2000);
      e.cacheReadTokens = Math.floorMod(h >>> 37, (int) e.inputTokens / 2 + 1);
      e.requests = 1;
      e.source = Math.floorMod(h >>> 41, 50) == 0 ? UsageEvent.SOURCE_MANUAL : UsageEvent.SOURCE_API;
      e.costUsd = e.inputTokens * 2.5e-6 + e.outputTokens * 1e-5;
      e.costBasis = PricedUsage.BASIS_CATALOG;
      e.priceModelId = e.model;
      e.catalogVersion = "bench";
      return e;
    }
  }

  private static long count(Path dir) throws IOException {
    if (!Files.exists(dir)) return 0;
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).count();
    }
  }

  private static long size(Path dir) throws IOException {
    if (!Files.exists(dir)) return 0;
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p)) return;
    List<Path> all = new ArrayList<>();
    try (Stream<Path> s = Files.walk(p)) {
      s.sorted(Comparator.reverseOrder()).forEach(all::add);
    }
    for (Path x : all) Files.delete(x);
  }
}
