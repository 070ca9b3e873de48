package io.aicosttracker.jobs.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real Flink session cluster in two JVMs (a JobManager and a TaskManager) started from Maven
 * artifacts, as {@code bin/start-cluster.sh} would start them from a Flink distribution, with a
 * small client for the REST API ({@code /jars/upload}, {@code /jars/<id>/run}, {@code /jobs/<id>}).
 *
 * <pre>{@code
 * try (FlinkSessionCluster cluster = FlinkSessionCluster.start(dir, classpath)) {
 *   String jobId = cluster.run(cluster.upload(jar), "com.example.Main", List.of("--arg"));
 *   cluster.awaitTerminalState(jobId, Duration.ofSeconds(60));
 * }
 * }</pre>
 */
public final class FlinkSessionCluster implements AutoCloseable {
  /** The JVM flags of Flink's default {@code env.java.opts.all}: Flink needs them on Java 17. */
  static final List<String> JAVA_17_OPENS =
      List.of(
          "-XX:+IgnoreUnrecognizedVMOptions",
          "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
          "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
          "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.text=ALL-UNNAMED",
          "--add-opens=java.base/java.time=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

  private static final Set<String> TERMINAL = Set.of("FINISHED", "FAILED", "CANCELED");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path home;
  private final URI rest;
  private final List<Process> processes = new ArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private FlinkSessionCluster(Path home, int restPort) {
    this.home = home;
    this.rest = URI.create("http://127.0.0.1:" + restPort);
  }

  /**
   * Writes a configuration under {@code home}, starts both JVMs with {@code classpath} (Flink's
   * runtime, no user code) and waits until the REST API reports one registered TaskManager.
   */
  public static FlinkSessionCluster start(Path home, List<Path> classpath, int slots, Duration timeout)
      throws IOException, InterruptedException {
    int restPort = freePort();
    int rpcPort = freePort();
    Path conf = Files.createDirectories(home.resolve("conf"));
    Path log = Files.createDirectories(home.resolve("log"));
    Path upload = Files.createDirectories(home.resolve("web-upload"));
    Path tmp = Files.createDirectories(home.resolve("tmp"));
    Files.writeString(
        conf.resolve("config.yaml"),
        String.join(
            "\n",
            "jobmanager.rpc.address: 127.0.0.1",
            "jobmanager.rpc.port: " + rpcPort,
            "jobmanager.bind-host: 127.0.0.1",
            "jobmanager.memory.process.size: 768m",
            "taskmanager.host: 127.0.0.1",
            "taskmanager.bind-host: 127.0.0.1",
            "taskmanager.numberOfTaskSlots: " + slots,
            "taskmanager.memory.process.size: 1280m",
            "taskmanager.memory.managed.size: 128m",
            // the batch graph with the alert stage runs many regions at once: 64 MB of network
            // buffers (the default share of 1 GB) ran out
            "taskmanager.memory.network.min: 192m",
            "taskmanager.memory.network.max: 192m",
            "rest.address: 127.0.0.1",
            "rest.bind-address: 127.0.0.1",
            "rest.port: " + restPort,
            "web.upload.dir: " + upload,
            "io.tmp.dirs: " + tmp,
            "cluster.registration.error-delay: 1000",
            ""));
    Files.writeString(
        conf.resolve("log4j.properties"),
        String.join(
            "\n",
            "rootLogger.level = INFO",
            "rootLogger.appenderRef.file.ref = FileAppender",
            "appender.file.name = FileAppender",
            "appender.file.type = FILE",
            "appender.file.fileName = ${sys:log.file}",
            "appender.file.layout.type = PatternLayout",
            "appender.file.layout.pattern = %d{HH:mm:ss,SSS} %-5p %c{1} - %m%n",
            ""));
    String cp = classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
    FlinkSessionCluster cluster = new FlinkSessionCluster(home, restPort);
    try {
      cluster.launch("jobmanager", "GET_JM_RESOURCE_PARAMS", "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", cp, conf, log);
      cluster.launch("taskmanager", "GET_TM_RESOURCE_PARAMS", "org.apache.flink.runtime.taskexecutor.TaskManagerRunner", cp, conf, log);
      cluster.awaitTaskManagers(1, timeout);
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
  }

  public URI restAddress() {
    return rest;
  }

  /** Uploads a job jar ({@code POST /jars/upload}) and returns its id. */
  public String upload(Path jar) throws IOException, InterruptedException {
    String boundary = "----flink-it-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\"" + jar.getFileName()
            + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(Files.readAllBytes(jar));
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    JsonNode reply =
        send(
            HttpRequest.newBuilder(rest.resolve("/jars/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    String file = reply.path("filename").asText();
    if (!"success".equals(reply.path("status").asText()) || file.isEmpty()) throw new IllegalStateException("jar upload failed: " + reply);
    return Path.of(file).getFileName().toString();
  }

  /** Runs an uploaded jar ({@code POST /jars/<id>/run}) and returns the job id. */
  public String run(String jarId, String entryClass, List<String> args) throws IOException, InterruptedException {
    String request = JSON.writeValueAsString(Map.of("entryClass", entryClass, "programArgsList", args));
    JsonNode reply =
        send(
            HttpRequest.newBuilder(rest.resolve("/jars/" + jarId + "/run"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request)));
    String jobId = reply.path("jobid").asText();
    if (jobId.isEmpty()) throw new IllegalStateException("job submission failed: " + reply);
    return jobId;
  }

  /** {@code GET /jobs/<id>}. */
  public JsonNode job(String jobId) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(rest.resolve("/jobs/" + jobId)).GET());
  }

  /** Polls the job until it is FINISHED, FAILED or CANCELED and returns that state. */
  public String awaitTerminalState(String jobId, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String state = "";
    while (System.nanoTime() < deadline) {
      state = job(jobId).path("state").asText();
      if (TERMINAL.contains(state)) return state;
      Thread.sleep(250);
    }
    throw new IllegalStateException("job " + jobId + " still " + state + " after " + timeout + "; logs in " + home.resolve("log"));
  }

  /** The root-cause text of a failed job ({@code GET /jobs/<id>/exceptions}). */
  public String failureCause(String jobId) throws IOException, InterruptedException {
    JsonNode ex = send(HttpRequest.newBuilder(rest.resolve("/jobs/" + jobId + "/exceptions")).GET());
    return ex.path("rootException").asText(ex.toString());
  }

  /** Stops both JVMs (SIGTERM, then SIGKILL after 10 s) and waits for them to exit. */
  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      Process p = processes.get(i);
      p.destroy();
      try {
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          p.waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    processes.clear();
  }

  /** True while both JVMs run (a user main() that ended the JobManager shows here). */
  public boolean isAlive() {
    return !processes.isEmpty() && processes.stream().allMatch(Process::isAlive);
  }

  private void launch(String role, String memoryCommand, String mainClass, String cp, Path conf, Path log)
      throws IOException, InterruptedException {
    List<String> memory = memoryParameters(memoryCommand, cp, conf);
    List<String> cmd = new ArrayList<>();
    cmd.add(javaExecutable());
    cmd.addAll(Arrays.asList(memory.get(0).trim().split("\\s+")));
    cmd.addAll(JAVA_17_OPENS);
    cmd.add("-Dlog.file=" + log.resolve(role + ".log"));
    cmd.add("-Dlog4j.configurationFile=" + conf.resolve("log4j.properties").toUri());
    cmd.add("-cp");
    cmd.add(cp);
    cmd.add(mainClass);
    cmd.add("--configDir");
    cmd.add(conf.toString());
    if (memory.size() > 1) cmd.addAll(Arrays.asList(memory.get(1).trim().split("\\s+")));
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(log.resolve(role + ".out").toFile())
            .start();
    processes.add(p);
  }

  /** Runs Flink's BashJavaUtils (as the start scripts do): JVM memory flags, then {@code -D} settings. */
  private static List<String> memoryParameters(String command, String cp, Path conf) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(javaExecutable(), "-Xmx128m", "-cp", cp, "org.apache.flink.runtime.util.bash.BashJavaUtils", command, "--configDir", conf.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("BashJavaUtils " + command + " failed:\n" + out);
    String prefix = "BASH_JAVA_UTILS_EXEC_RESULT:";
    List<String> lines = out.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
    if (lines.isEmpty()) throw new IllegalStateException("BashJavaUtils " + command + " printed no result:\n" + out);
    return lines;
  }

  private void awaitTaskManagers(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (processes.stream().anyMatch(p -> !p.isAlive())) {
        throw new IllegalStateException("a cluster JVM exited during start-up; logs in " + home.resolve("log"));
      }
      try {
        JsonNode overview = send(HttpRequest.newBuilder(rest.resolve("/overview")).GET());
        if (overview.path("taskmanagers").asInt() >= count) return;
      } catch (IOException e) {
        // REST endpoint not up yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("no TaskManager registered within " + timeout + "; logs in " + home.resolve("log"));
  }

  private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 400) {
      throw new IOException("HTTP " + response.statusCode() + " from " + response.uri() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
