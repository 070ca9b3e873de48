package io.aicosttracker.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  private Path file(String yaml) throws Exception {
    Path f = dir.resolve("cost-tracker.yaml");
    Files.writeString(f, yaml);
    return f;
  }

  @Test
  void defaultsWithoutAFile() {
    CostTrackerConfig c = ConfigLoader.load(null, Map.of("kafka.bootstrap-servers", "k:9092")).validate(true);
    assertThat(c.kafka.topic).isEqualTo("usage-events");
    assertThat(c.kafka.deadLetterTopic).isEqualTo("usage-dead-letters");
    assertThat(c.checkpoints.interval).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.pipeline.outOfOrderness).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.pipeline.idleness).isEqualTo(Duration.ofMinutes(1));
    assertThat(c.pipeline.allowedLateness).isEqualTo(Duration.ofDays(2));
    assertThat(c.pipeline.dedupeTtl).isEqualTo(Duration.ofDays(2));
  }

  @Test
  void nestedAndFlatYamlAndFlagsThatWin() throws Exception {
    Path f =
        file(
            "kafka:\n  bootstrap-servers: broker:9092\n  topic: from-file\n  properties:\n    security.protocol: SSL\n"
                + "pipeline.allowed-lateness: 6 h\ncheckpoints:\n  interval: 30 s\njob.parallelism: 4\n");
    CostTrackerConfig c = ConfigLoader.load(f, Map.of("kafka.topic", "from-flag", "kafka.properties.client.id", "ct")).validate(true);
    assertThat(c.kafka.bootstrapServers).isEqualTo("broker:9092");
    assertThat(c.kafka.topic).isEqualTo("from-flag");
    assertThat(c.kafka.properties).containsEntry("security.protocol", "SSL").containsEntry("client.id", "ct");
    assertThat(c.pipeline.allowedLateness).isEqualTo(Duration.ofHours(6));
    assertThat(c.checkpoints.interval).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.job.parallelism).isEqualTo(4);
  }

  @Test
  void unknownKeyIsRejectedWithOneLine() throws Exception {
    Path f = file("kafka:\n  bootstrap-server: broker:9092\n");
    assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("unknown setting 'kafka.bootstrap-server' in " + f)
        .hasMessageContaining("bootstrap-servers")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("budgetz.x", "1")))
        .hasMessageStartingWith("unknown setting 'budgetz'");
  }

  @Test
  void invalidValuesAreRejectedNamingTheKey() throws Exception {
    assertThatThrownBy(() -> ConfigLoader.load(file("checkpoints:\n  interval: often\n"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'checkpoints.interval'")
        .hasMessageContaining("'often' is not a duration");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("job.parallelism", "two")))
        .hasMessageContaining("invalid value for 'job.parallelism'");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("kafka.starting-offsets", "middle")).validate(false))
        .hasMessage("kafka.starting-offsets must be one of earliest, latest, got 'middle'");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of()).validate(true))
        .hasMessageStartingWith("kafka.bootstrap-servers is not set");
    assertThatThrownBy(() -> ConfigLoader.load(file("kafka: [1, 2\n"), Map.of()))
        .hasMessageStartingWith("cannot parse");
  }
}
