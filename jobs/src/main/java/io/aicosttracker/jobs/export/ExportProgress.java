package io.aicosttracker.jobs.export;

import io.aicosttracker.jobs.functions.PipelineCounters;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;

/**
 * A one-line progress display for a terminal: events read (of an estimate), rows exported, rate
 * and ETA, refreshed every second from the job's accumulators.
 *
 * <p>The total is estimated from the input files' sizes and the line length of their first 256
 * KiB, so the ETA is approximate; in BATCH mode rows are written after the sort stages, so the
 * row count climbs late while the read count climbs from the start.
 */
final class ExportProgress implements AutoCloseable {
  private final JobClient client;
  private final long estimatedEvents;
  private final PrintStream out;
  private final Thread thread;
  private final long start = System.nanoTime();
  private volatile boolean running = true;

  private ExportProgress(JobClient client, long estimatedEvents, PrintStream out) {
    this.client = client;
    this.estimatedEvents = estimatedEvents;
    this.out = out;
    this.thread = new Thread(this::loop, "export-progress");
    thread.setDaemon(true);
  }

  /** Starts the display when {@code enabled} (a terminal), else returns one that does nothing. */
  static ExportProgress start(JobClient client, List<Path> inputs, PrintStream out, boolean enabled) {
    return start(client, -1, inputs, out, enabled);
  }

  /** As above, with a known number of records to read ({@code knownRecords >= 0}, e.g. Kafka offsets) instead of an estimate. */
  static ExportProgress start(JobClient client, long knownRecords, List<Path> inputs, PrintStream out, boolean enabled) {
    long total = !enabled ? 0 : knownRecords >= 0 ? knownRecords : estimateEvents(inputs);
    ExportProgress p = new ExportProgress(client, total, out);
    if (enabled) p.thread.start();
    return p;
  }

  private void loop() {
    while (running) {
      try {
        TimeUnit.SECONDS.sleep(1);
        Map<String, Object> acc = client.getAccumulators().get(5, TimeUnit.SECONDS);
        if (running) out.print("\r" + line(number(acc, PipelineCounters.READ), number(acc, ExportCounters.ROWS)) + "   ");
        out.flush();
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        // the job may be finishing; the next tick or the summary tells the rest
      }
    }
  }

  String line(long read, long rows) {
    double secs = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "read %,d", read));
    if (estimatedEvents > 0) b.append(String.format(Locale.ROOT, " of ~%,d events", estimatedEvents));
    b.append(String.format(Locale.ROOT, " | exported %,d rows | %,.0f events/s", rows, read / secs));
    if (estimatedEvents > 0 && read > 0 && read < estimatedEvents) {
      double eta = secs * (estimatedEvents - read) / read;
      b.append(String.format(Locale.ROOT, " | ETA %.0f s", eta));
    }
    return b.toString();
  }

  private static long number(Map<String, Object> acc, String name) {
    Object v = acc.get(name);
    return v instanceof Number n ? n.longValue() : 0L;
  }

  /** Input size divided by the mean line length of each file's first 256 KiB. */
  static long estimateEvents(List<Path> inputs) {
    long total = 0;
    for (Path p : inputs) {
      try (InputStream in = Files.newInputStream(p)) {
        byte[] head = in.readNBytes(1 << 18);
        long lines = 0;
        for (byte b : head) if (b == '\n') lines++;
        if (lines > 0) total += Files.size(p) * lines / head.length;
      } catch (IOException e) {
        // no estimate for this file
      }
    }
    return total;
  }

  @Override
  public void close() {
    if (!running) return;
    running = false;
    thread.interrupt();
    if (thread.isAlive()) {
      try {
        thread.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      out.print("\r" + " ".repeat(100) + "\r");
      out.flush();
    }
  }
}
