package io.aicosttracker.jobs.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks docker-compose.yml for what breaks a {@code docker compose up} without Docker: missing
 * healthchecks, {@code depends_on} on services that do not exist or cannot become healthy, mounts
 * of files that are not in the repository, unpinned images, and variables missing from
 * {@code .env.example}.
 */
class ComposeFileTest {
  static JsonNode compose;
  static Map<String, JsonNode> services = new LinkedHashMap<>();

  @BeforeAll
  static void parse() throws IOException {
    compose = RepoFiles.yaml(RepoFiles.path("docker-compose.yml"));
    compose.path("services").fields().forEachRemaining(e -> services.put(e.getKey(), e.getValue()));
  }

  static boolean oneShot(JsonNode service) {
    return "no".equals(service.path("restart").asText());
  }

  @Test
  void hasTheWholeStack() {
    assertThat(services)
        .containsKeys(
            "kafka", "kafka-init", "postgres", "db-migrate", "minio", "minio-init", "jobmanager", "taskmanager", "job-submitter",
            "grafana", "prometheus", "webhook-receiver", "demo-generate", "demo-producer");
    assertThat(services.get("demo-producer").path("profiles")).extracting(JsonNode::asText).containsExactly("demo");
  }

  @Test
  void everyLongRunningServiceHasAHealthcheck() {
    services.forEach(
        (name, s) -> {
          if (oneShot(s) || name.equals("cli")) return;
          assertThat(s.path("healthcheck").path("test").isMissingNode()).as(name + " healthcheck.test").isFalse();
          assertThat(s.path("healthcheck").path("test").toString()).as(name).isNotBlank();
        });
  }

  @Test
  void dependsOnNamesExistingServicesWithAConditionTheyCanMeet() {
    services.forEach(
        (name, s) ->
            s.path("depends_on").fields().forEachRemaining(d -> {
              JsonNode target = services.get(d.getKey());
              assertThat(target).as(name + " depends on unknown service " + d.getKey()).isNotNull();
              String condition = d.getValue().path("condition").asText();
              if (condition.equals("service_healthy")) {
                assertThat(target.has("healthcheck")).as(d.getKey() + " must have a healthcheck for " + name).isTrue();
              } else {
                assertThat(condition).as(name + " -> " + d.getKey()).isEqualTo("service_completed_successfully");
                assertThat(oneShot(target)).as(d.getKey() + " must be a one-shot (restart: \"no\") for " + name).isTrue();
              }
              assertThat(target.path("profiles").isMissingNode() || s.path("profiles").equals(target.path("profiles")))
                  .as(name + " depends on " + d.getKey() + ", which only starts in a profile")
                  .isTrue();
            }));
  }

  @Test
  void imagesArePinned() {
    services.forEach((name, s) -> assertThat(RepoFiles.pinned(s.path("image").asText())).as(name + " image " + s.path("image")).isTrue());
  }

  @Test
  void bindMountsPointAtRepositoryFilesAndNamedVolumesAreDeclared() {
    Set<String> declared = new HashSet<>();
    compose.path("volumes").fieldNames().forEachRemaining(declared::add);
    services.forEach(
        (name, s) ->
            s.path("volumes").forEach(v -> {
              String source = v.asText().split(":")[0];
              if (source.startsWith("./")) {
                assertThat(RepoFiles.path(source.substring(2))).as(name + " mounts " + source).exists();
              } else {
                assertThat(declared).as(name + " uses volume " + source).contains(source);
              }
            }));
  }

  @Test
  void grafanaGetsProvisioningAndDashboardsFromTheRepository() {
    List<String> mounts = texts(services.get("grafana").path("volumes"));
    assertThat(mounts)
        .contains(
            "./grafana/provisioning/datasources:/etc/grafana/provisioning/datasources:ro",
            "./grafana/provisioning/dashboards:/etc/grafana/provisioning/dashboards:ro",
            "./grafana/dashboards:/var/lib/grafana/dashboards/ai-cost-tracker:ro");
  }

  @Test
  void everyRequiredVariableIsInEnvExampleAndEnvIsNotCommitted() throws IOException {
    String text = RepoFiles.read("docker-compose.yml");
    Set<String> example = new HashSet<>();
    for (String line : RepoFiles.read(".env.example").lines().toList()) {
      if (line.contains("=") && !line.startsWith("#")) example.add(line.substring(0, line.indexOf('=')).trim());
    }
    Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+)(:[?-][^}]*)?}").matcher(text);
    while (m.find()) assertThat(example).as("${" + m.group(1) + "} is documented in .env.example").contains(m.group(1));
    assertThat(RepoFiles.read(".gitignore").lines()).contains(".env");
    assertThat(Files.exists(RepoFiles.path(".dockerignore"))).isTrue();
    assertThat(RepoFiles.read(".dockerignore").lines()).contains(".env", "**/target");
  }

  @Test
  void flinkReportsToPrometheusAndPrometheusScrapesBothProcesses() throws IOException {
    for (String role : List.of("jobmanager", "taskmanager")) {
      String props = services.get(role).path("environment").path("FLINK_PROPERTIES").asText();
      assertThat(props).contains("metrics.reporter.prom.factory.class: org.apache.flink.metrics.prometheus.PrometheusReporterFactory", "metrics.reporter.prom.port: 9249");
      assertThat(props).contains("execution.checkpointing.dir: s3://", "execution.checkpointing.savepoint-dir: s3://", "s3.endpoint: http://minio:9000");
      assertThat(props).doesNotContain("secret-key", "access-key"); // keys come from the AWS_* environment
    }
    JsonNode prometheus = RepoFiles.yaml(RepoFiles.path("deploy/prometheus/prometheus.yml"));
    List<String> targets = prometheus.findValues("targets").stream().flatMap(t -> texts(t).stream()).toList();
    assertThat(targets).contains("jobmanager:9249", "taskmanager:9249");
  }

  @Test
  void theSubmitterRunsTheShadedJarsStreamingEntryClassWithConfigFilesThatExist() throws Exception {
    String script = RepoFiles.read("deploy/compose/submit-job.sh");
    String jar = RepoFiles.jobsPom("finalName") + ".jar";
    assertThat(script).contains("/opt/flink/usrlib/" + jar, "-c " + KubernetesManifestsTest.streamingEntryClass());
    Matcher m = Pattern.compile("\"\\$conf/([a-z-]+\\.yaml)\"").matcher(script);
    int files = 0;
    while (m.find()) {
      files++;
      assertThat(RepoFiles.path("deploy/config/" + m.group(1))).as("job file " + m.group(1)).isRegularFile();
    }
    assertThat(files).isGreaterThanOrEqualTo(3);
    assertThat(texts(services.get("job-submitter").path("volumes"))).contains("./deploy/config:/opt/cost-tracker/conf/job:ro");
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new java.util.ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
