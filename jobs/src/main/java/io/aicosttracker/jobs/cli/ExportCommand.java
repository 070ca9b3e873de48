package io.aicosttracker.jobs.cli;

import io.aicosttracker.connectors.export.ExportFormat;
import io.aicosttracker.connectors.export.ParquetCompression;
import io.aicosttracker.core.parse.Rfc3339;
import io.aicosttracker.jobs.export.ExportDataset;
import io.aicosttracker.jobs.export.ExportFilter;
import io.aicosttracker.jobs.export.ExportJob;
import io.aicosttracker.jobs.export.ExportSchemaKind;
import io.aicosttracker.jobs.export.ExportSpec;
import io.aicosttracker.jobs.export.ExportSummary;
import io.aicosttracker.jobs.export.KafkaExportInput;
import io.aicosttracker.jobs.pipeline.CatalogSpec;
import io.aicosttracker.jobs.pipeline.PipelineOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cost-tracker export}: a snapshot of one dataset as CSV, JSON lines or Parquet (BATCH job). */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export a snapshot of one dataset as CSV, JSON lines or Parquet, partitioned",
      "by date (dt=YYYY-MM-DD/) under a file:// or s3:// destination, + _manifest.json.",
      "priced-events, usage-hourly, usage-daily: --input is usage-event files,",
      "  priced and aggregated by the same pipeline as 'run'.",
      "alerts, forecasts: --input is the --out directory of 'cost-tracker run'",
      "  (or its alerts/ or forecasts/); the rows the run recorded are exported as",
      "  they are (native columns only; no --source, no --schema focus).",
      "--kafka: usage events (and alerts) from Kafka topics instead of files, from the",
      "  earliest offsets to the latest ones at start; forecasts need --input."
    })
public final class ExportCommand implements Callable<Integer> {
  @Option(names = "--input", arity = "1..*", description = "Usage-event files or directories (.jsonl/.json/.ndjson/.csv); for alerts and forecasts a run's --out directory (or its alerts/, forecasts/).")
  List<Path> inputs;

  @Option(names = "--kafka", paramLabel = "BOOTSTRAP", description = "Read from Kafka instead: usage events from --topic, alerts from --alerts-topic, earliest to the latest offsets at start.")
  String kafka;

  @Option(names = "--topic", description = "With --kafka: the usage-event topic (default usage-events).")
  String topic;

  @Option(names = "--alerts-topic", description = "With --kafka: the topic the streaming job publishes alerts to (default cost-alerts).")
  String alertsTopic;

  @Option(names = "--kafka-property", paramLabel = "KEY=VALUE", description = "With --kafka: a Kafka client property, e.g. security.protocol=SASL_SSL (repeatable).")
  Map<String, String> kafkaProperties;

  @Option(names = "--dataset", required = true, description = "priced-events, usage-hourly, usage-daily, alerts or forecasts.")
  String dataset;

  @Option(names = "--format", defaultValue = "parquet", description = "csv, jsonl or parquet (default ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--to", required = true, paramLabel = "URI", description = "Snapshot root: a path, file:///dir or s3://bucket/prefix.")
  String to;

  @Option(names = "--from", description = "Rows whose time (event time, window start, alert event time, forecast origin day) is at or after this (RFC 3339, or YYYY-MM-DD = 00:00 UTC).")
  String from;

  @Option(names = "--until", description = "Rows before this time (RFC 3339, or YYYY-MM-DD = 00:00 UTC).")
  String until;

  @Option(names = "--project", description = "Only these projects (repeatable); alerts and forecasts without a project are then left out.")
  List<String> projects;

  @Option(names = "--source", description = "Only api or manual rows (priced-events, usage-*).")
  String source;

  @Option(names = "--schema", defaultValue = "native", description = "native or focus (FinOps FOCUS columns; priced-events, usage-*) (default ${DEFAULT-VALUE}).")
  String schema;

  @Option(names = "--compression", defaultValue = "snappy", description = "Parquet compression: snappy, zstd or none (default ${DEFAULT-VALUE}).")
  String compression;

  @Option(names = "--no-csv-formula-guard", description = "Write CSV text cells as they are (for machine readers only).")
  boolean noFormulaGuard;

  @Option(names = "--prices", description = "Custom price catalog (genai-prices format); its entries beat the built-in ones.")
  Path prices;

  @Option(names = "--parallelism", defaultValue = "2", description = "Flink parallelism (default ${DEFAULT-VALUE}).")
  int parallelism;

  @Option(names = "--no-progress", description = "No progress line, even on a terminal.")
  boolean noProgress;

  @Override
  public Integer call() throws Exception {
    ExportSpec spec = spec();
    KafkaExportInput kafkaInput = kafkaInput();
    if (kafkaInput != null) kafkaInput.topicOf(spec.dataset()); // forecasts: refused before anything starts
    PipelineOptions options = new PipelineOptions();
    if (prices != null) options.catalog = CatalogSpec.withCustom(prices, false);
    boolean terminal = System.console() != null && !noProgress;
    ExportJob job =
        kafkaInput != null
            ? new ExportJob(kafkaInput, spec, options, parallelism)
            : new ExportJob(inputs, spec, options, parallelism);
    ExportSummary summary = job.progressTo(terminal ? System.err : null).run();
    summary.print(System.out);
    return 0;
  }

  /** The export the arguments describe; one-line errors for bad ones. */
  ExportSpec spec() {
    ExportFilter filter = new ExportFilter(time("--from", from), time("--until", until), projects, source);
    return new ExportSpec(
        ExportDataset.parse(dataset),
        ExportFormat.parse(format),
        ExportSchemaKind.parse(schema),
        ParquetCompression.parse(compression),
        to,
        filter,
        !noFormulaGuard);
  }

  /** The Kafka input the arguments ask for, or null for files; one-line errors for mixed or missing inputs. */
  KafkaExportInput kafkaInput() {
    boolean files = inputs != null && !inputs.isEmpty();
    if (kafka != null && files) throw new IllegalArgumentException("--input (files) and --kafka exclude each other");
    if (kafka == null && !files) throw new IllegalArgumentException("give --input PATH... or --kafka BOOTSTRAP");
    if (kafka == null) {
      if (topic != null || alertsTopic != null || kafkaProperties != null) {
        throw new IllegalArgumentException("--topic, --alerts-topic and --kafka-property apply to --kafka only");
      }
      return null;
    }
    return new KafkaExportInput(
        kafka,
        topic != null ? topic : KafkaExportInput.DEFAULT_TOPIC,
        alertsTopic != null ? alertsTopic : KafkaExportInput.DEFAULT_ALERTS_TOPIC,
        kafkaProperties);
  }

  static Instant time(String option, String value) {
    if (value == null) return null;
    try {
      if (value.length() == 10) return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      return Instant.ofEpochMilli(Rfc3339.parseMillis(value));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(option + " '" + value + "' is not a date (YYYY-MM-DD) or RFC 3339 time");
    }
  }
}
