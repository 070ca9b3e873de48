package io.aicosttracker.jobs.cli;

import io.aicosttracker.core.generate.SyntheticUsageGenerator;
import io.aicosttracker.core.pricing.PriceCatalog;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cost-tracker generate}: deterministic synthetic usage events, optionally with labelled spikes. */
@Command(name = "generate", mixinStandardHelpOptions = true, description = "Write synthetic usage events (JSON lines, or CSV for a .csv file).")
public final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--events", defaultValue = "100000", description = "Number of regular events (default ${DEFAULT-VALUE}).")
  long events;

  @Option(names = "--days", defaultValue = "90", description = "Days covered (default ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed; same seed, same file (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--start", defaultValue = "2026-09-01", description = "First day, UTC (default ${DEFAULT-VALUE}).")
  LocalDate start;

  @Option(names = "--growth", defaultValue = "0.6", description = "Volume growth from the first to the last day (default ${DEFAULT-VALUE}).")
  double growth;

  @Option(names = "--spikes", defaultValue = "0", description = "Labelled cost spikes to inject; labels go to FILE.spikes.csv.")
  int spikes;

  @Option(names = "--out", required = true, description = "Output file (.jsonl or .csv).")
  Path out;

  @Override
  public Integer call() throws IOException {
    if (events < 0 || days < 1 || spikes < 0) throw new IllegalArgumentException("--events and --spikes must be >= 0, --days >= 1");
    List<SyntheticUsageGenerator.Spike> labels = write(out, events, days, seed, start, growth, spikes);
    System.out.printf("wrote %,d events over %d days to %s%n", events + labels.stream().mapToLong(s -> s.events()).sum(), days, out);
    if (spikes > 0) System.out.printf("wrote %d spike labels to %s%n", labels.size(), labelsPath(out));
    return 0;
  }

  /** Generates events into {@code out} (and spike labels beside it); shared with {@code demo}. */
  static List<SyntheticUsageGenerator.Spike> write(
      Path out, long events, int days, long seed, LocalDate start, double growth, int spikes) throws IOException {
    Path parent = out.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot create " + parent + ": " + e.getMessage());
    }
    boolean csv = out.getFileName().toString().toLowerCase().endsWith(".csv");
    SyntheticUsageGenerator gen =
        new SyntheticUsageGenerator(seed, start.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(), days, growth, PriceCatalog.builtIn());
    List<SyntheticUsageGenerator.Spike> labels;
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      labels = gen.writeTo(w, csv, events, spikes);
    }
    if (spikes > 0) {
      try (Writer w = Files.newBufferedWriter(labelsPath(out), StandardCharsets.UTF_8)) {
        w.write("project,provider,model,hour_start,extra_cost_usd,events\n");
        for (SyntheticUsageGenerator.Spike s : labels) {
          w.write(String.join(",", s.project(), s.provider(), s.model(), java.time.Instant.ofEpochMilli(s.hourStart()).toString(),
              Double.toString(s.extraCostUsd()), Integer.toString(s.events())) + "\n");
        }
      }
    }
    return labels;
  }

  static Path labelsPath(Path out) {
    return out.resolveSibling(out.getFileName() + ".spikes.csv");
  }
}
