package io.aicosttracker.connectors.notify.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.aicosttracker.connectors.notify.testing.TestAlerts;
import io.aicosttracker.core.anomaly.ZScore;
import io.aicosttracker.core.records.AlertEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertTemplatesScoreTest {

  @Test
  void aCappedAnomalyScoreReadsAsABound() {
    AlertMessage capped = new AlertTemplates(Map.of(), null).render(anomaly(ZScore.MAX_SCORE), false);
    assertThat(capped.summary()).contains("z-score >= 1000").doesNotContain("1000.00");
    assertThat(capped.facts()).contains(new AlertMessage.Fact("Anomaly score (z)", ">= 1000"));

    AlertMessage measured = new AlertTemplates(Map.of(), null).render(anomaly(5.734), false);
    assertThat(measured.summary()).contains("z-score 5.73");
  }

  private static AlertEvent anomaly(double score) {
    AlertEvent a = TestAlerts.anomaly("an-1");
    a.score = score;
    return a;
  }
}
