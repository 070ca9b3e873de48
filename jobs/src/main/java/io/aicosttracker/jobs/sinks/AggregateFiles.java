package io.aicosttracker.jobs.sinks;

import io.aicosttracker.core.format.Csv;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the aggregate CSV files ({@code usage-hourly/}, {@code usage-daily/}) back as the final
 * row per window and key.
 *
 * <p>In streaming mode a window fires when the watermark passes its end and fires again, with the
 * corrected totals, for every late event within the allowed lateness; each firing is a row. A
 * window's accumulator only grows, so of the rows for one (window_start, project, provider,
 * model, source) the one with the most requests is the latest: "last row per key wins". Only
 * committed part files are read (in-progress files start with a dot).
 */
public final class AggregateFiles {
  /** Column of {@code requests} in {@link io.aicosttracker.core.format.AggregateCsv#HEADER}. */
  static final int REQUESTS = 5;

  private AggregateFiles() {}

  /** The final row per key, keyed by {@code window_start,project,provider,model,source}. */
  public static Map<String, String[]> readFinal(Path dir) throws IOException {
    Map<String, String[]> rows = new LinkedHashMap<>();
    for (String[] row : readAll(dir)) {
      String key = String.join("\u0001", row[0], row[1], row[2], row[3], row[4]);
      rows.merge(key, row, (a, b) -> Long.parseLong(b[REQUESTS]) > Long.parseLong(a[REQUESTS]) ? b : a);
    }
    return rows;
  }

  /** Every data row of every committed CSV part file under {@code dir} (none when it does not exist). */
  public static List<String[]> readAll(Path dir) throws IOException {
    List<String[]> rows = new ArrayList<>();
    if (!Files.isDirectory(dir)) return rows;
    List<Path> parts;
    try (Stream<Path> s = Files.walk(dir)) {
      parts =
          s.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .filter(p -> p.getFileName().toString().endsWith(".csv"))
              .sorted()
              .toList();
    }
    for (Path part : parts) {
      try (BufferedReader r = Files.newBufferedReader(part, StandardCharsets.UTF_8)) {
        String line = r.readLine(); // header
        while (line != null && (line = r.readLine()) != null) {
          // a quoted project or model name may hold a line break: the record continues
          while (Csv.hasOpenQuote(line)) {
            String more = r.readLine();
            if (more == null) break;
            line = line + "\n" + more;
          }
          if (!line.isEmpty()) rows.add(Csv.split(line));
        }
      }
    }
    return rows;
  }
}
