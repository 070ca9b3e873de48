package io.aicosttracker.jobs.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aicosttracker.connectors.export.ExportFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.fs.UnsupportedFileSystemSchemeException;

/**
 * The snapshot root of an export ({@code file://} or {@code s3://}) and the files of one dataset
 * under it: {@code dt=YYYY-MM-DD/<dataset>-*.<ext>} plus {@code _manifest.json}.
 *
 * <p>Everything goes through Flink's {@link FileSystem}, so local disks and object stores behave
 * the same. Only files of this dataset are ever deleted.
 */
public final class ExportDestination {
  public static final String MANIFEST = "_manifest.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path root;
  private final FileSystem fs;
  private final ExportDataset dataset;
  private final ExportFormat format;

  private ExportDestination(Path root, FileSystem fs, ExportDataset dataset, ExportFormat format) {
    this.root = root;
    this.fs = fs;
    this.dataset = dataset;
    this.format = format;
  }

  /** Normalizes {@code uri} (a plain path becomes an absolute {@code file:} URI) and finds its file system. */
  public static ExportDestination open(String destination, ExportDataset dataset, ExportFormat format) {
    String uri = normalize(destination);
    Path root = new Path(uri);
    try {
      return new ExportDestination(root, root.getFileSystem(), dataset, format);
    } catch (UnsupportedFileSystemSchemeException e) {
      String scheme = root.toUri().getScheme();
      if (scheme != null && scheme.startsWith("s3")) {
        throw new IllegalArgumentException(
            "no file system for " + scheme + "://: the flink-s3-fs-hadoop plugin was not found; set FLINK_PLUGINS_DIR to a "
                + "directory holding s3-fs-hadoop/ (bin/cost-tracker uses jobs/target/plugins)");
      }
      throw new IllegalArgumentException("unsupported destination " + uri + " (use file:// or s3://)");
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot open destination " + uri + ": " + firstLine(e));
    }
  }

  /** A URI for {@code --to}: kept when it has a scheme, else the absolute local path as {@code file:}. */
  public static String normalize(String uri) {
    if (uri == null || uri.isBlank()) throw new IllegalArgumentException("--to is empty");
    URI parsed;
    try {
      parsed = URI.create(uri);
    } catch (IllegalArgumentException e) {
      parsed = null;
    }
    if (parsed != null && parsed.getScheme() != null && parsed.getScheme().length() > 1) return uri;
    return java.nio.file.Path.of(uri).toAbsolutePath().normalize().toUri().toString();
  }

  public Path root() {
    return root;
  }

  public FileSystem fileSystem() {
    return fs;
  }

  /**
   * Makes sure the destination exists and is writable and removes this dataset's files of an
   * earlier snapshot (so a rerun replaces it instead of mixing with it).
   *
   * @throws IllegalArgumentException when it is not writable or holds a snapshot of another dataset
   */
  public void prepare() {
    try {
      fs.mkdirs(root);
      Path probe = new Path(root, ".cost-tracker-write-check");
      try (OutputStream out = fs.create(probe, FileSystem.WriteMode.OVERWRITE)) {
        out.write('x');
      }
      fs.delete(probe, false);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("destination not writable: " + root + " (" + firstLine(e) + ")");
    }
    try {
      String other = manifestDataset();
      if (other != null && !other.equals(dataset.id())) {
        throw new IllegalArgumentException(
            "destination " + root + " holds a " + other + " snapshot; export " + dataset.id() + " to another --to");
      }
      removeDatasetFiles();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot clean destination " + root + ": " + firstLine(e));
    }
  }

  /** The completed files of this dataset, sorted by path. */
  public List<FileStatus> completedFiles() throws IOException {
    List<FileStatus> files = new ArrayList<>();
    for (FileStatus dir : partitions()) {
      for (FileStatus f : list(dir.getPath())) {
        String name = f.getPath().getName();
        if (!f.isDir() && name.startsWith(dataset.id() + "-") && name.endsWith("." + format.extension())) files.add(f);
      }
    }
    files.sort(Comparator.comparing(f -> f.getPath().toString()));
    return files;
  }

  /**
   * Deletes this dataset's completed and in-progress files and the manifest: before a run, and
   * after a failed one so that no partial snapshot stays visible.
   */
  public void removeDatasetFiles() throws IOException {
    fs.delete(new Path(root, MANIFEST), false);
    for (FileStatus dir : partitions()) {
      boolean othersLeft = false;
      for (FileStatus f : list(dir.getPath())) {
        String name = f.getPath().getName();
        // FileSink's in-progress files are ".<prefix>-<uuid>-<n>.<ext>.inprogress.<uuid>"
        if (name.startsWith(dataset.id() + "-") || name.startsWith("." + dataset.id() + "-")) {
          fs.delete(f.getPath(), false);
        } else {
          othersLeft = true;
        }
      }
      if (!othersLeft) fs.delete(dir.getPath(), true);
    }
  }

  /** Paths of every file left under the partitions, hidden ones included (for checks after a failure). */
  public List<String> allPartitionFiles() throws IOException {
    List<String> names = new ArrayList<>();
    for (FileStatus dir : partitions()) {
      for (FileStatus f : list(dir.getPath())) names.add(dir.getPath().getName() + "/" + f.getPath().getName());
    }
    return names;
  }

  /** Writes the manifest (UTF-8 JSON), replacing an older one. */
  public void writeManifest(String json) throws IOException {
    try (OutputStream out = fs.create(new Path(root, MANIFEST), FileSystem.WriteMode.OVERWRITE)) {
      out.write(json.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Path of {@code file} relative to the snapshot root, e.g. {@code dt=2026-09-01/x.parquet}. */
  public String relative(Path file) {
    return file.getParent().getName() + "/" + file.getName();
  }

  private String manifestDataset() throws IOException {
    Path manifest = new Path(root, MANIFEST);
    if (!fs.exists(manifest)) return null;
    try (InputStream in = fs.open(manifest)) {
      JsonNode node = JSON.readTree(in);
      return node.path("dataset").asText(null);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return null; // unreadable manifest: it is replaced
    }
  }

  private List<FileStatus> partitions() throws IOException {
    List<FileStatus> dirs = new ArrayList<>();
    for (FileStatus f : list(root)) {
      if (f.isDir() && f.getPath().getName().startsWith("dt=")) dirs.add(f);
    }
    return dirs;
  }

  private List<FileStatus> list(Path dir) throws IOException {
    if (!fs.exists(dir)) return List.of();
    FileStatus[] found = fs.listStatus(dir);
    return found == null ? List.of() : List.of(found);
  }

  static String firstLine(Throwable e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) return e.getClass().getSimpleName();
    return m.lines().findFirst().orElse(m);
  }
}
