package io.aicosttracker.jobs.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile, the image's {@code cost-tracker} command, Grafana's provisioning and dashboards,
 * and the CI workflows: the names they share with the build and with each other.
 */
class ImageAndGrafanaFilesTest {
  @Test
  void dockerfileBuildsOnThePinnedFlinkImageAndShipsTheShadedJar() throws Exception {
    String dockerfile = RepoFiles.read("Dockerfile");
    List<String> froms = Pattern.compile("(?m)^FROM\\s+(\\S+)").matcher(dockerfile).results().map(m -> m.group(1)).toList();
    assertThat(froms).isNotEmpty().allSatisfy(f -> assertThat(RepoFiles.pinned(f)).as(f).isTrue());
    assertThat(froms.get(froms.size() - 1)).isEqualTo("flink:" + RepoFiles.flinkVersion() + "-java17");
    String jar = RepoFiles.jobsPom("finalName") + ".jar";
    assertThat(dockerfile).contains("/src/jobs/target/" + jar + " /opt/flink/usrlib/" + jar);
    assertThat(dockerfile).contains("ARG FLINK_VERSION=" + RepoFiles.flinkVersion());
    assertThat(dockerfile).contains("/opt/flink/plugins/s3-fs-hadoop", "flink-s3-fs-hadoop-${FLINK_VERSION}.jar", "metrics-prometheus");
    for (Matcher m = Pattern.compile("(?m)^COPY (?!--from)(?:--\\S+ )*(\\S+) ").matcher(dockerfile); m.find(); ) {
      if (!m.group(1).equals(".")) assertThat(RepoFiles.path(m.group(1))).as("COPY source " + m.group(1)).exists();
    }
  }

  @Test
  void imageCommandLineRunsTheCliMainClassFromTheJar() throws Exception {
    String script = RepoFiles.read("docker/cost-tracker");
    String main = RepoFiles.jobsPom("main.class");
    assertThat(script).contains("/opt/flink/usrlib/" + RepoFiles.jobsPom("finalName") + ".jar", main);
    assertThat(Class.forName(main).getMethod("main", String[].class)).isNotNull();
    assertThat(Files.isExecutable(RepoFiles.path("docker/cost-tracker"))).isTrue();
  }

  @Test
  void everyDashboardIsProvisionedInKubernetesAndUsesAProvisionedDatasource() throws IOException {
    JsonNode k = RepoFiles.yaml(RepoFiles.path("grafana/kustomization.yaml"));
    Set<String> listed = new HashSet<>();
    k.path("configMapGenerator").forEach(g -> g.path("files").forEach(f -> listed.add(f.asText())));
    Set<String> uids = new HashSet<>();
    for (Path f : RepoFiles.files(RepoFiles.path("grafana/provisioning/datasources"), ".yaml", ".yml")) {
      RepoFiles.yaml(f).path("datasources").forEach(d -> uids.add(d.path("uid").asText()));
      assertThat(listed).as("datasource file in grafana/kustomization.yaml").contains(RepoFiles.path("grafana").relativize(f).toString());
    }
    for (Path f : RepoFiles.files(RepoFiles.path("grafana/provisioning/dashboards"), ".yaml", ".yml")) {
      assertThat(listed).as("dashboard provider in grafana/kustomization.yaml").contains(RepoFiles.path("grafana").relativize(f).toString());
      RepoFiles.yaml(f).path("providers").forEach(p -> assertThat(p.path("options").path("path").asText()).isEqualTo("/var/lib/grafana/dashboards/ai-cost-tracker"));
    }
    List<Path> dashboards = RepoFiles.files(RepoFiles.path("grafana/dashboards"), ".json");
    assertThat(dashboards).isNotEmpty();
    for (Path d : dashboards) {
      assertThat(listed).as("dashboard in grafana/kustomization.yaml").contains(RepoFiles.path("grafana").relativize(d).toString());
      JsonNode json = RepoFiles.JSON.readTree(d.toFile());
      assertThat(json.path("uid").asText()).as(d + " uid").isNotBlank();
      for (JsonNode ds : json.findValues("datasource")) {
        if (ds.isObject() && ds.has("uid") && !ds.path("uid").asText().startsWith("$") && !ds.path("uid").asText().startsWith("-- ")) {
          assertThat(uids).as(d.getFileName() + " datasource").contains(ds.path("uid").asText());
        }
      }
    }
  }

  @Test
  void pipelineHealthQueriesOnlyCountersTheJobRegisters() throws IOException {
    String dashboard = RepoFiles.read("grafana/dashboards/pipeline-health.json");
    Set<String> registered = new HashSet<>();
    for (Path src : RepoFiles.files(RepoFiles.path("jobs/src/main/java"), ".java")) {
      Matcher m = Pattern.compile("\\.counter\\(\"(\\w+)\"\\)").matcher(Files.readString(src));
      while (m.find()) registered.add(m.group(1));
    }
    Matcher used = Pattern.compile("flink_taskmanager_job_task_operator_(events\\w+)").matcher(dashboard);
    Set<String> queried = new HashSet<>();
    while (used.find()) queried.add(used.group(1));
    assertThat(queried).contains("eventsRead", "eventsDeadLettered");
    assertThat(registered).containsAll(queried);
    assertThat(dashboard).contains("KafkaSourceReader_KafkaConsumer_records_lag_max", "lastCheckpointDuration");
  }

  @Test
  void workflowsParseAndPinTheirActions() throws IOException {
    List<Path> workflows = RepoFiles.files(RepoFiles.path(".github/workflows"), ".yml", ".yaml");
    assertThat(workflows).isNotEmpty();
    for (Path w : workflows) {
      JsonNode wf = RepoFiles.yaml(w);
      assertThat(wf.path("jobs").size()).as(w + " jobs").isPositive();
      for (JsonNode uses : wf.findValues("uses")) assertThat(uses.asText()).as(w + " uses").matches("[\\w./-]+@(v?\\d+(\\.\\d+)*|[0-9a-f]{40})");
    }
    assertThat(RepoFiles.read(".github/workflows/ci.yml")).contains("mvn -B -ntp verify");
  }
}
