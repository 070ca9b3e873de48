package io.aicosttracker.jobs.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aicosttracker.core.export.ColumnType;
import io.aicosttracker.core.export.ExportColumn;
import io.aicosttracker.core.export.ExportSchema;
import io.aicosttracker.core.export.SpreadsheetSafeCsv;
import io.aicosttracker.core.format.UsageJson;
import io.aicosttracker.core.generate.SyntheticUsageGenerator;
import io.aicosttracker.core.pricing.PriceCatalog;
import io.aicosttracker.core.pricing.UsagePricer;
import io.aicosttracker.core.records.PricedUsage;
import io.aicosttracker.core.records.UsageEvent;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;

/**
 * Input events for the export tests (synthetic ones plus hostile names) and independent readers
 * that turn exported files back into rows of column name to value.
 */
final class ExportTestData {
  static final long START = Instant.parse("2026-09-01T00:00:00Z").toEpochMilli();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Names a spreadsheet would evaluate, or that break naive CSV/JSON handling. */
  static final List<String> HOSTILE_PROJECTS =
      List.of(
          "=HYPERLINK(\"http://x\",\"y\")",
          "+SUM(A1:A2)",
          "-2+3",
          "@cmd",
          "\tleading tab",
          "\rleading cr",
          "'already quoted",
          "naïve ✓ 東京 🚀",
          "comma, \"quote\" and\nnewline");

  private ExportTestData() {}

  /** Synthetic events over 3 days plus one event per hostile project (one of them manual). */
  static List<UsageEvent> events(int synthetic) {
    List<UsageEvent> events = new ArrayList<>();
    new SyntheticUsageGenerator(7, START, 3, 0.2, PriceCatalog.builtIn()).generate(synthetic, 0, events::add);
    int i = 0;
    for (String project : HOSTILE_PROJECTS) {
      UsageEvent e = new UsageEvent();
      e.eventId = "hostile-" + i;
      e.timestamp = START + 3_600_000L * (i + 1) + 1234;
      e.provider = "openai";
      e.model = i % 2 == 0 ? "gpt-4o" : "=model, \"odd\"\nname";
      e.project = project;
      e.inputTokens = 1000 + i;
      e.outputTokens = 100;
      e.source = i == 3 ? UsageEvent.SOURCE_MANUAL : UsageEvent.SOURCE_API;
      e.reportedCostUsd = i == 4 ? 0.5 : null;
      events.add(e);
      i++;
    }
    return events;
  }

  static Path writeJsonLines(List<UsageEvent> events, Path file) throws IOException {
    Files.createDirectories(file.getParent());
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (UsageEvent e : events) w.write(UsageJson.toInputJson(e) + "\n");
    }
    return file;
  }

  /** The priced events the pipeline must produce, priced here without Flink. */
  static List<PricedUsage> priced(List<UsageEvent> events) {
    UsagePricer pricer = new UsagePricer(PriceCatalog.builtIn());
    return events.stream().map(pricer::price).toList();
  }

  /** Expected rows (column -> value) keyed by {@code keyColumn}. */
  static <T> Map<String, Map<String, Object>> expected(ExportSchema<T> schema, List<T> rows, String keyColumn) {
    Map<String, Map<String, Object>> out = new HashMap<>();
    for (T row : rows) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (ExportColumn<T> c : schema.columns()) m.put(c.name(), c.get(row));
      out.put(String.valueOf(m.get(keyColumn)), m);
    }
    return out;
  }

  static List<Path> files(Path root, String ext) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.getFileName().toString().endsWith("." + ext)).sorted().toList();
    }
  }

  /** Reads CSV files with commons-csv, restoring guarded text cells. */
  static List<Map<String, Object>> readCsv(ExportSchema<?> schema, Path root) throws IOException {
    List<Map<String, Object>> rows = new ArrayList<>();
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
    for (Path f : files(root, "csv")) {
      try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8);
          CSVParser parser = CSVParser.parse(r, format)) {
        for (CSVRecord rec : parser) {
          Map<String, Object> m = new LinkedHashMap<>();
          for (ExportColumn<?> c : schema.columns()) {
            String cell = rec.get(c.name());
            m.put(c.name(), cell.isEmpty() ? null : typed(c.type(), SpreadsheetSafeCsvRestore.of(c.type(), cell)));
          }
          rows.add(m);
        }
      }
    }
    return rows;
  }

  /** Reads JSON-lines files with Jackson; numbers must be JSON numbers. */
  static List<Map<String, Object>> readJsonLines(ExportSchema<?> schema, Path root) throws IOException {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Path f : files(root, "jsonl")) {
      for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
        JsonNode n = JSON.readTree(line);
        Map<String, Object> m = new LinkedHashMap<>();
        for (ExportColumn<?> c : schema.columns()) {
          JsonNode v = n.get(c.name());
          if (v == null) throw new AssertionError("missing " + c.name() + " in " + line);
          if (v.isNull()) {
            m.put(c.name(), null);
            continue;
          }
          switch (c.type()) {
            case STRING -> m.put(c.name(), v.textValue());
            case LONG -> m.put(c.name(), requireNumber(v, c).longValue());
            case DOUBLE -> m.put(c.name(), requireNumber(v, c).doubleValue());
            case TIMESTAMP -> m.put(c.name(), Instant.parse(v.textValue()).toEpochMilli());
          }
        }
        rows.add(m);
      }
    }
    return rows;
  }

  /** Reads Parquet files with parquet-avro's reader (generic records, no logical-type conversion). */
  static List<Map<String, Object>> readParquet(ExportSchema<?> schema, Path root) throws IOException {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Path f : files(root, "parquet")) {
      try (ParquetReader<GenericRecord> reader =
          AvroParquetReader.<GenericRecord>builder(new LocalInputFile(f)).withDataModel(GenericData.get()).build()) {
        GenericRecord rec;
        while ((rec = reader.read()) != null) {
          Map<String, Object> m = new LinkedHashMap<>();
          for (ExportColumn<?> c : schema.columns()) {
            Object v = rec.get(c.name());
            m.put(c.name(), v instanceof CharSequence cs ? cs.toString() : v);
          }
          rows.add(m);
        }
      }
    }
    return rows;
  }

  static Map<String, Map<String, Object>> byKey(List<Map<String, Object>> rows, String keyColumn) {
    Map<String, Map<String, Object>> out = new HashMap<>();
    for (Map<String, Object> r : rows) {
      if (out.put(String.valueOf(r.get(keyColumn)), r) != null) throw new AssertionError("duplicate row " + r.get(keyColumn));
    }
    return out;
  }

  private static Number requireNumber(JsonNode v, ExportColumn<?> c) {
    if (!v.isNumber()) throw new AssertionError(c.name() + " is not a JSON number: " + v);
    return v.numberValue();
  }

  private static Object typed(ColumnType type, String cell) {
    return switch (type) {
      case STRING -> cell;
      case LONG -> Long.parseLong(cell);
      case DOUBLE -> Double.parseDouble(cell);
      case TIMESTAMP -> Instant.parse(cell).toEpochMilli();
    };
  }

  /** Only text cells are guarded; numbers and timestamps come back as written. */
  private static final class SpreadsheetSafeCsvRestore {
    static String of(ColumnType type, String cell) {
      return type == ColumnType.STRING ? SpreadsheetSafeCsv.restore(cell) : cell;
    }
  }
}
