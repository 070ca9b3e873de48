package io.aicosttracker.jobs.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.aicosttracker.jobs.bench.ProcessCpu;
import io.aicosttracker.jobs.pipeline.PipelineOptions;
import io.aicosttracker.jobs.pipeline.RunSummary;
import io.aicosttracker.jobs.pipeline.UsageBatchJob;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cost-tracker bench batch}: end-to-end batch throughput beside the single-threaded
 * Jackson streaming parse of the same input (the parse limit), in one run.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks that print their figures (not tests).",
    subcommands = {
      BenchCommand.Batch.class,
      AnomalyBenchCommand.class,
      BenchForecastCommand.class,
      NotifyBenchCommand.class,
      picocli.CommandLine.HelpCommand.class
    })
public final class BenchCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(name = "batch", mixinStandardHelpOptions = true, description = "Batch pipeline events/s vs a plain Jackson streaming pass over the same files.")
  static final class Batch implements Callable<Integer> {
    @Option(names = "--events", defaultValue = "10000000", description = "Events to generate (default ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--files", defaultValue = "4", description = "Input files the events are split into; files are read in parallel (default ${DEFAULT-VALUE}).")
    int files;

    @Option(names = "--dir", defaultValue = "bench-output", description = "Work directory; generated inputs are reused when present (default ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--parallelism", defaultValue = "2", description = "Flink parallelism (default ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--priced-events", negatable = true, defaultValue = "true", fallbackValue = "true", description = "Also write every priced event (default ${DEFAULT-VALUE}).")
    boolean pricedEvents;

    @Override
    public Integer call() throws Exception {
      List<Path> inputs = inputs();
      long parseStart = System.nanoTime();
      long parsed = 0;
      for (Path p : inputs) parsed += jacksonPass(p);
      double parseSecs = (System.nanoTime() - parseStart) / 1e9;

      ProcessCpu.resetPeakHeap();
      ProcessCpu cpuStart = ProcessCpu.now();
      long wallStart = System.nanoTime();
      RunSummary s = new UsageBatchJob(inputs, dir.resolve("out"), new PipelineOptions(), parallelism).writePricedEvents(pricedEvents).run();
      ProcessCpu cpu = ProcessCpu.now().since(cpuStart);
      double wallSecs = (System.nanoTime() - wallStart) / 1e9;
      double jobSecs = s.elapsedMillis() / 1000.0;
      System.out.printf(Locale.ROOT, "events                       %,d in %d files%n", s.read(), inputs.size());
      System.out.printf(Locale.ROOT, "batch pipeline (p=%d)         %,.0f events/s  (%.1f s, execute() to result, JVM start excluded; priced-events %s)%n",
          parallelism, s.read() / jobSecs, jobSecs, pricedEvents ? "written" : "skipped");
      System.out.printf(Locale.ROOT, "batch pipeline CPU           %s (MiniCluster start and stop included)%n", cpu.describe(wallSecs));
      System.out.printf(Locale.ROOT, "Jackson streaming pass (1 thread) %,.0f events/s  (%.1f s, %,d records)%n", parsed / parseSecs, parseSecs, parsed);
      System.out.printf(Locale.ROOT, "reconciled                   %s%n", s.reconciles() ? "yes" : "NO");
      System.out.printf(Locale.ROOT, "heap                         limit %,d MiB, peak used by the pipeline <= %,d MiB%n",
          Runtime.getRuntime().maxMemory() >> 20, ProcessCpu.peakHeapBytes() >> 20);
      return 0;
    }

    private List<Path> inputs() throws IOException {
      List<Path> paths = new ArrayList<>();
      long perFile = events / files;
      for (int i = 0; i < files; i++) {
        long n = i == files - 1 ? events - perFile * (files - 1) : perFile;
        Path p = dir.resolve("events-" + events + "-" + i + ".jsonl");
        if (!Files.exists(p)) {
          System.out.printf(Locale.ROOT, "generating %,d events into %s ...%n", n, p);
          GenerateCommand.write(p, n, 90, 1000 + i, LocalDate.parse("2026-09-01"), 0.6, 0);
        }
        paths.add(p);
      }
      return paths;
    }

    /** Every token of every record through Jackson's streaming parser, no object built. */
    private static long jacksonPass(Path p) throws IOException {
      JsonFactory f = new JsonFactory();
      long records = 0;
      try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
        String line;
        while ((line = r.readLine()) != null) {
          try (JsonParser jp = f.createParser(line)) {
            while (jp.nextToken() != null) {
              if (jp.currentToken() == JsonToken.VALUE_STRING) jp.getText();
            }
          }
          records++;
        }
      }
      return records;
    }
  }
}
