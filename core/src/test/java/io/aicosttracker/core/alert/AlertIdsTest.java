package io.aicosttracker.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class AlertIdsTest {
  @Test
  void sameInputsGiveSameVersion5Id() {
    String a = AlertIds.of("BUDGET_THRESHOLD", "org", 1000L, "80");
    assertThat(AlertIds.of("BUDGET_THRESHOLD", "org", 1000L, "80")).isEqualTo(a);
    UUID u = UUID.fromString(a);
    assertThat(u.version()).isEqualTo(5);
    assertThat(u.variant()).isEqualTo(2);
  }

  @Test
  void anyDifferentPartGivesDifferentId() {
    String a = AlertIds.of("BUDGET_THRESHOLD", "org", 1000L, "80");
    assertThat(AlertIds.of("BUDGET_THRESHOLD", "org", 1000L, "100")).isNotEqualTo(a);
    assertThat(AlertIds.of("BUDGET_THRESHOLD", "org", 2000L, "80")).isNotEqualTo(a);
    assertThat(AlertIds.of("BUDGET_FORECAST", "org", 1000L, "80")).isNotEqualTo(a);
    assertThat(AlertIds.of("BUDGET_THRESHOLD", "org2", 1000L, "80")).isNotEqualTo(a);
  }
}
