package io.aicosttracker.jobs.export;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** What one export wrote, printed at the end of {@code cost-tracker export}. */
public record ExportSummary(
    ExportSpec spec,
    String manifestUri,
    long rows,
    Double totalCostUsd,
    List<ExportManifest.FileEntry> files,
    long elapsedMillis) {

  public long bytes() {
    return files.stream().mapToLong(ExportManifest.FileEntry::bytes).sum();
  }

  public void print(PrintStream out) {
    double secs = elapsedMillis / 1000.0;
    out.printf(Locale.ROOT, "exported       %,d %s rows as %s (%s columns)%n", rows, spec.dataset().id(), spec.format().extension(), spec.schema().id());
    if (totalCostUsd != null) out.printf(Locale.ROOT, "total cost     $%,.2f%n", totalCostUsd);
    out.printf(Locale.ROOT, "files          %,d in %,d partitions, %,d bytes (%.1f bytes/row)%n",
        files.size(), files.stream().map(f -> f.path().substring(0, f.path().indexOf('/'))).distinct().count(),
        bytes(), rows == 0 ? 0.0 : (double) bytes() / rows);
    out.printf(Locale.ROOT, "elapsed        %.1f s (%,.0f rows/s)%n", secs, secs > 0 ? rows / secs : 0.0);
    out.println("manifest       " + manifestUri);
  }
}
