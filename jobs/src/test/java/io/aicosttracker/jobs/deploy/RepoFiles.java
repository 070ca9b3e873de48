package io.aicosttracker.jobs.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;

/** Reads the repository's deployment files (YAML, poms, scripts) for the manifest tests. */
final class RepoFiles {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final ObjectMapper JSON = new ObjectMapper();
  static final Path ROOT = findRoot();

  private RepoFiles() {}

  /** The repository root: the nearest directory upwards that holds docker-compose.yml. */
  private static Path findRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("docker-compose.yml")) && Files.isRegularFile(p.resolve("pom.xml"))) return p;
    }
    throw new IllegalStateException("repository root (with docker-compose.yml) not found above " + Path.of("").toAbsolutePath());
  }

  static Path path(String relative) {
    return ROOT.resolve(relative);
  }

  static String read(String relative) throws IOException {
    return Files.readString(path(relative));
  }

  /** One YAML document. */
  static JsonNode yaml(Path file) throws IOException {
    return YAML.readTree(file.toFile());
  }

  /** Every document of a multi-document YAML file (empty documents dropped). */
  static List<JsonNode> yamlDocuments(Path file) throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
      while (it.hasNext()) {
        JsonNode n = it.next();
        if (n != null && !n.isNull() && !n.isMissingNode()) docs.add(n);
      }
    }
    return docs;
  }

  /** Files under {@code dir} ending in one of {@code suffixes}, sorted. */
  static List<Path> files(Path dir, String... suffixes) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).filter(f -> Stream.of(suffixes).anyMatch(x -> f.toString().endsWith(x))).sorted().toList();
    }
  }

  /** A text value of the jobs pom ({@code //finalName} of the shade plugin, {@code main.class}). */
  static String jobsPom(String tag) throws Exception {
    Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(path("jobs/pom.xml").toFile()).getDocumentElement();
    var nodes = root.getElementsByTagName(tag);
    if (nodes.getLength() != 1) throw new IllegalStateException("expected one <" + tag + "> in jobs/pom.xml, found " + nodes.getLength());
    return nodes.item(0).getTextContent().trim();
  }

  /** The root pom's {@code <flink.version>}. */
  static String flinkVersion() throws IOException {
    Matcher m = Pattern.compile("<flink.version>([^<]+)</flink.version>").matcher(read("pom.xml"));
    if (!m.find()) throw new IllegalStateException("no <flink.version> in pom.xml");
    return m.group(1);
  }

  /** True when an image reference names a fixed tag (not latest, not a bare name). */
  static boolean pinned(String image) {
    String ref = image.replaceAll("\\$\\{[A-Z0-9_]+:-([^}]+)}", "$1"); // compose default: ${VAR:-name:tag}
    int slash = ref.lastIndexOf('/');
    int colon = ref.lastIndexOf(':');
    if (ref.contains("@sha256:")) return true;
    if (colon <= slash) return false;
    String tag = ref.substring(colon + 1);
    return !tag.isBlank() && !tag.equals("latest") && !tag.contains("$");
  }
}
