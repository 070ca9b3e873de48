package io.aicosttracker.jobs.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Checks deploy-k8s/ the way {@code kubectl apply -k} and the operators would, without a cluster:
 * every manifest parses, every ConfigMap, Secret (and secret key), PVC and volume a pod refers to
 * is produced by the overlay, the FlinkDeployment runs the jar and class the build produces with
 * savepoint upgrades, S3 checkpoints, Kubernetes HA and the Prometheus reporter, and every image
 * is pinned.
 */
class KubernetesManifestsTest {
  static final Path K8S = RepoFiles.path("deploy-k8s");

  /** What one overlay produces: resources plus generated ConfigMaps and Secrets (with their keys). */
  static final class Build {
    final List<JsonNode> resources = new ArrayList<>();
    final Set<String> configMaps = new HashSet<>();
    final Map<String, Set<String>> secrets = new HashMap<>();
    final Map<String, String> secretTypes = new HashMap<>();
    final List<String> imageTags = new ArrayList<>();

    List<JsonNode> kind(String kind) {
      return resources.stream().filter(r -> r.path("kind").asText().equals(kind)).toList();
    }

    Set<String> names(String kind) {
      Set<String> s = new HashSet<>();
      kind(kind).forEach(r -> s.add(r.path("metadata").path("name").asText()));
      if (kind.equals("ConfigMap")) s.addAll(configMaps);
      if (kind.equals("Secret")) s.addAll(secrets.keySet());
      return s;
    }
  }

  /** Reads a kustomization and everything it includes, checking that every file it names exists. */
  static void load(Path dir, Build build) throws IOException {
    Path file = dir.resolve("kustomization.yaml");
    assertThat(file).as("kustomization in " + dir).isRegularFile();
    JsonNode k = RepoFiles.yaml(file);
    for (JsonNode r : k.path("resources")) {
      Path p = dir.resolve(r.asText()).normalize();
      assertThat(p).as(file + " resource " + r.asText()).exists();
      if (Files.isDirectory(p)) load(p, build);
      else build.resources.addAll(RepoFiles.yamlDocuments(p));
    }
    for (JsonNode c : k.path("configurations")) assertThat(dir.resolve(c.asText())).isRegularFile();
    for (JsonNode g : k.path("configMapGenerator")) {
      build.configMaps.add(g.path("name").asText());
      for (JsonNode f : g.path("files")) assertThat(dir.resolve(f.asText().replaceFirst("^[^=]+=", ""))).as(file + " file").isRegularFile();
    }
    for (JsonNode g : k.path("secretGenerator")) {
      Set<String> keys = build.secrets.computeIfAbsent(g.path("name").asText(), n -> new HashSet<>());
      build.secretTypes.put(g.path("name").asText(), g.path("type").asText("Opaque"));
      for (JsonNode e : g.path("envs")) {
        // the real env file is not committed; its committed example names the keys
        Path example = dir.resolve(e.asText() + ".example");
        assertThat(example).as("committed example of " + e.asText()).isRegularFile();
        for (String line : Files.readAllLines(example)) {
          if (!line.isBlank() && !line.startsWith("#")) keys.add(line.substring(0, line.indexOf('=')).trim());
        }
      }
    }
    for (JsonNode i : k.path("images")) build.imageTags.add(i.path("name").asText() + ":" + i.path("newTag").asText());
  }

  static Build overlay(String name) throws IOException {
    Build b = new Build();
    load(K8S.resolve("overlays").resolve(name), b);
    return b;
  }

  static JsonNode flinkDeployment() throws IOException {
    return RepoFiles.yamlDocuments(K8S.resolve("base/flink-deployment.yaml")).get(0);
  }

  /** The streaming job's entry class, as the FlinkDeployment names it (compose must agree). */
  static String streamingEntryClass() throws IOException {
    return flinkDeployment().path("spec").path("job").path("entryClass").asText();
  }

  @Test
  void everyManifestParses() throws IOException {
    List<Path> files = RepoFiles.files(K8S, ".yaml", ".yml");
    assertThat(files).hasSizeGreaterThanOrEqualTo(10);
    for (Path f : files) {
      for (JsonNode doc : RepoFiles.yamlDocuments(f)) {
        if (f.getFileName().toString().startsWith("kustomiz")) continue;
        assertThat(doc.path("apiVersion").asText()).as(f + " apiVersion").isNotBlank();
        assertThat(doc.path("kind").asText()).as(f + " kind").isNotBlank();
        assertThat(doc.path("metadata").path("name").asText()).as(f + " metadata.name").isNotBlank();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyReferencedConfigMapSecretKeyVolumeAndClaimExists(String overlay) throws IOException {
    Build b = overlay(overlay);
    Set<String> configMaps = b.names("ConfigMap");
    Set<String> claims = b.names("PersistentVolumeClaim");
    for (JsonNode r : b.resources) {
      String where = overlay + " " + r.path("kind").asText() + "/" + r.path("metadata").path("name").asText();
      for (JsonNode pod : podSpecs(r)) {
        Set<String> volumes = new HashSet<>();
        for (JsonNode v : pod.path("volumes")) {
          volumes.add(v.path("name").asText());
          if (v.has("configMap")) assertThat(configMaps).as(where + " volume configMap").contains(v.path("configMap").path("name").asText());
          if (v.has("secret")) assertThat(b.secrets).as(where + " volume secret").containsKey(v.path("secret").path("secretName").asText());
          if (v.has("persistentVolumeClaim")) assertThat(claims).as(where + " claim").contains(v.path("persistentVolumeClaim").path("claimName").asText());
        }
        List<JsonNode> containers = new ArrayList<>();
        pod.path("containers").forEach(containers::add);
        pod.path("initContainers").forEach(containers::add);
        for (JsonNode c : containers) {
          for (JsonNode m : c.path("volumeMounts")) assertThat(volumes).as(where + " volumeMount").contains(m.path("name").asText());
          for (JsonNode e : c.path("env")) {
            JsonNode ref = e.path("valueFrom").path("secretKeyRef");
            if (ref.isMissingNode()) continue;
            String secret = ref.path("name").asText();
            assertThat(b.secrets).as(where + " env " + e.path("name").asText() + " secret").containsKey(secret);
            assertThat(b.secrets.get(secret)).as(where + " key of secret " + secret).contains(ref.path("key").asText());
          }
          for (JsonNode e : c.path("envFrom")) {
            if (e.has("secretRef")) assertThat(b.secrets).as(where + " envFrom").containsKey(e.path("secretRef").path("name").asText());
            if (e.has("configMapRef")) assertThat(configMaps).as(where + " envFrom").contains(e.path("configMapRef").path("name").asText());
          }
          if (c.has("image")) assertThat(RepoFiles.pinned(c.path("image").asText())).as(where + " image " + c.path("image")).isTrue();
        }
      }
    }
    for (JsonNode pg : b.kind("Cluster")) {
      String secret = pg.path("spec").path("bootstrap").path("initdb").path("secret").path("name").asText();
      assertThat(b.secrets.get(secret)).as("CloudNativePG bootstrap secret " + secret).contains("username", "password");
      assertThat(b.secretTypes.get(secret)).isEqualTo("kubernetes.io/basic-auth");
    }
    assertThat(b.imageTags).allSatisfy(t -> assertThat(RepoFiles.pinned(t)).as(t).isTrue());
  }

  @Test
  void flinkDeploymentRunsWhatTheBuildProduces() throws Exception {
    JsonNode fd = flinkDeployment();
    JsonNode spec = fd.path("spec");
    assertThat(fd.path("apiVersion").asText()).isEqualTo("flink.apache.org/v1beta1");
    assertThat(spec.path("flinkVersion").asText()).isEqualTo("v" + RepoFiles.flinkVersion().replaceAll("^(\\d+)\\.(\\d+).*", "$1_$2"));
    assertThat(RepoFiles.pinned(spec.path("image").asText())).isTrue();
    assertThat(spec.path("serviceAccount").asText()).isNotBlank();
    JsonNode job = spec.path("job");
    assertThat(job.path("jarURI").asText()).isEqualTo("local:///opt/flink/usrlib/" + RepoFiles.jobsPom("finalName") + ".jar");
    assertThat(job.path("entryClass").asText()).startsWith("io.aicosttracker.jobs.").matches("[a-zA-Z0-9_.]+");
    assertThat(job.path("upgradeMode").asText()).isEqualTo("savepoint");
    assertThat(job.path("parallelism").asInt()).isPositive();
    assertThat(ComposeFileTest.texts(job.path("args"))).contains("--kafka", "--topic", "usage-events", "--config");
    JsonNode conf = spec.path("flinkConfiguration");
    assertThat(conf.path("execution.checkpointing.dir").asText()).startsWith("s3://");
    assertThat(conf.path("execution.checkpointing.savepoint-dir").asText()).startsWith("s3://");
    assertThat(conf.path("high-availability.type").asText()).isEqualTo("kubernetes");
    assertThat(conf.path("high-availability.storageDir").asText()).startsWith("s3://");
    assertThat(conf.path("metrics.reporter.prom.factory.class").asText()).isEqualTo("org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
    assertThat(conf.path("metrics.reporter.prom.port").asText()).isEqualTo("9249");
    for (String role : List.of("jobManager", "taskManager")) {
      assertThat(spec.path(role).path("resource").path("memory").asText()).as(role + " memory").isNotBlank();
      assertThat(spec.path(role).path("resource").path("cpu").isNumber()).as(role + " cpu").isTrue();
    }
    // the operator merges the pod template into its container only under this name
    assertThat(spec.path("podTemplate").path("spec").path("containers").get(0).path("name").asText()).isEqualTo("flink-main-container");
  }

  @Test
  void jobArgumentsNameConfigFilesTheConfigMapCarries() throws IOException {
    JsonNode k = RepoFiles.yaml(RepoFiles.path("deploy/config/kustomization.yaml"));
    Set<String> carried = new HashSet<>();
    k.path("configMapGenerator").get(0).path("files").forEach(f -> carried.add(f.asText()));
    String mount = flinkDeployment().path("spec").path("podTemplate").path("spec").path("containers").get(0).path("volumeMounts").get(0).path("mountPath").asText();
    for (String arg : ComposeFileTest.texts(flinkDeployment().path("spec").path("job").path("args"))) {
      if (arg.startsWith(mount + "/")) assertThat(carried).as(arg).contains(arg.substring(mount.length() + 1));
    }
  }

  @Test
  void migrationsJobRunsTheImagesCommandLine() throws IOException {
    JsonNode job = RepoFiles.yamlDocuments(K8S.resolve("base/db-migrate-job.yaml")).get(0);
    JsonNode c = job.path("spec").path("template").path("spec").path("containers").get(0);
    assertThat(ComposeFileTest.texts(c.path("command"))).startsWith("cost-tracker", "db", "migrate").contains("--password-env", "--grafana-password-env");
    assertThat(c.path("image").asText()).isEqualTo(flinkDeployment().path("spec").path("image").asText());
  }

  /** Pod specs of a workload: Deployment/StatefulSet/Job templates and FlinkDeployment pod templates. */
  static List<JsonNode> podSpecs(JsonNode r) {
    List<JsonNode> pods = new ArrayList<>();
    JsonNode spec = r.path("spec");
    switch (r.path("kind").asText()) {
      case "Deployment", "StatefulSet", "Job" -> pods.add(spec.path("template").path("spec"));
      case "CronJob" -> pods.add(spec.path("jobTemplate").path("spec").path("template").path("spec"));
      case "FlinkDeployment" -> {
        pods.add(spec.path("podTemplate").path("spec"));
        for (String role : List.of("jobManager", "taskManager")) {
          if (spec.path(role).has("podTemplate")) pods.add(spec.path(role).path("podTemplate").path("spec"));
        }
      }
      default -> {}
    }
    return pods.stream().filter(p -> !p.isMissingNode()).toList();
  }
}
