package io.aicosttracker.core.format;

import io.aicosttracker.core.records.CostAggregate;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the daily aggregate CSV files that {@code cost-tracker run} writes to {@code usage-daily/}
 * (a directory searched recursively, or single files), by header name.
 *
 * <p>Hidden files (a file sink's in-progress parts start with a dot) are skipped. A malformed row
 * fails the read with its file and line: a forecast from silently partial data would mislead.
 */
public final class UsageDailyFiles {
  private UsageDailyFiles() {}

  public static List<CostAggregate> read(Path path) throws IOException {
    if (!Files.exists(path)) throw new IllegalArgumentException("no such file or directory: " + path);
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(path)) {
      try (Stream<Path> s = Files.walk(path)) {
        s.filter(Files::isRegularFile)
            .filter(p -> !p.getFileName().toString().startsWith("."))
            .filter(p -> p.getFileName().toString().endsWith(".csv"))
            .sorted()
            .forEach(files::add);
      }
      if (files.isEmpty()) throw new IllegalArgumentException("no .csv files under " + path);
    } else {
      files.add(path);
    }
    List<CostAggregate> out = new ArrayList<>();
    for (Path f : files) readFile(f, out);
    return out;
  }

  private static void readFile(Path file, List<CostAggregate> out) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = r.readLine();
      if (header == null) return;
      Map<String, Integer> col = new HashMap<>();
      String[] names = Csv.split(header.strip());
      for (int i = 0; i < names.length; i++) col.put(names[i], i);
      for (String required : List.of("window_start", "project", "provider", "model", "cost_usd")) {
        if (!col.containsKey(required)) throw new IllegalArgumentException(file + ": not a usage-daily CSV (no column " + required + ")");
      }
      int lineNo = 1;
      String line;
      while ((line = r.readLine()) != null) {
        lineNo++;
        StringBuilder record = new StringBuilder(line);
        while (Csv.hasOpenQuote(record)) {
          String next = r.readLine();
          if (next == null) break;
          record.append('\n').append(next);
          lineNo++;
        }
        if (record.toString().isBlank()) continue;
        try {
          String[] c = Csv.split(record.toString());
          CostAggregate a = new CostAggregate();
          a.granularity = CostAggregate.DAY;
          a.windowStart = Instant.parse(c[col.get("window_start")]).toEpochMilli();
          a.project = c[col.get("project")];
          a.provider = c[col.get("provider")];
          a.model = c[col.get("model")];
          a.source = col.containsKey("source") ? c[col.get("source")] : null;
          a.costUsd = Double.parseDouble(c[col.get("cost_usd")]);
          out.add(a);
        } catch (ArrayIndexOutOfBoundsException | DateTimeParseException | NumberFormatException e) {
          throw new IllegalArgumentException(file + ":" + lineNo + ": malformed usage-daily row (" + e.getMessage() + ")");
        }
      }
    }
  }
}
