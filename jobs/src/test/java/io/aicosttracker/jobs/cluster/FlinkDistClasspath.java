package io.aicosttracker.jobs.cluster;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The classpath a Flink distribution gives its JVMs, rebuilt from Maven artifacts: the given
 * root jars plus, transitively, every compile/runtime dependency named in their poms (beside
 * each jar in the local Maven repository), taken from the test classpath.
 *
 * <p>Why not just {@code target/flink-runtime.classpath}: Maven lists an artifact there only when
 * nothing of ours needs it at compile scope. {@code commons-math3} is both a Flink runtime
 * dependency and one of ours, so it is in the shaded jar and missing from that file, yet the
 * JobManager loads it from its own classpath (as flink-dist has it) before any user code runs.
 */
final class FlinkDistClasspath {
  private FlinkDistClasspath() {}

  /** Roots plus their dependency closure, each artifact once, in discovery order. */
  static List<Path> closure(List<Path> roots, List<Path> available) throws IOException {
    Map<String, Path> byArtifact = new LinkedHashMap<>();
    for (Path p : available) byArtifact.putIfAbsent(artifactId(p), p);
    Map<String, Path> chosen = new LinkedHashMap<>();
    Deque<Path> todo = new ArrayDeque<>(roots);
    while (!todo.isEmpty()) {
      Path jar = todo.removeFirst();
      if (chosen.putIfAbsent(artifactId(jar), jar) != null) continue;
      for (String dep : runtimeDependencies(jar)) {
        Path p = byArtifact.get(dep);
        if (p != null && !chosen.containsKey(dep)) todo.addLast(p);
      }
    }
    return List.copyOf(chosen.values());
  }

  /** The entries of the running JVM's classpath. */
  static List<Path> testClasspath() {
    return java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of).toList();
  }

  /** {@code flink-runtime-2.2.1.jar} -> {@code flink-runtime} (the version starts at the first "-digit"). */
  static String artifactId(Path jar) {
    String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("-\\d").matcher(name);
    return m.find() ? name.substring(0, m.start()) : name;
  }

  /** Compile/runtime, non-optional dependencies from the pom beside the jar in the local Maven repository. */
  private static List<String> runtimeDependencies(Path jar) throws IOException {
    String name = jar.getFileName().toString();
    if (!name.endsWith(".jar")) return List.of();
    Path pom = jar.resolveSibling(name.substring(0, name.length() - 4) + ".pom");
    if (!Files.isRegularFile(pom)) return List.of();
    try (InputStream in = Files.newInputStream(pom)) {
      Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getDocumentElement();
      List<String> deps = new ArrayList<>();
      for (Element dependencies : children(project, "dependencies")) {
        for (Element d : children(dependencies, "dependency")) {
          String scope = text(d, "scope", "compile");
          if ((scope.equals("compile") || scope.equals("runtime")) && !text(d, "optional", "false").equals("true")) {
            deps.add(text(d, "artifactId", ""));
          }
        }
      }
      return deps;
    } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
      throw new IOException("cannot read " + pom + ": " + e.getMessage(), e);
    }
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node n = nodes.item(i);
      if (n instanceof Element e && name.equals(e.getTagName())) out.add(e);
    }
    return out;
  }

  private static String text(Element parent, String name, String fallback) {
    List<Element> c = children(parent, name);
    return c.isEmpty() ? fallback : c.get(0).getTextContent().trim();
  }
}
