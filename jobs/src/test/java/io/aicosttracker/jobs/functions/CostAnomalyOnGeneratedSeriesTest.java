package io.aicosttracker.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.aicosttracker.core.generate.SyntheticUsageGenerator;
import io.aicosttracker.core.pricing.PriceCatalog;
import io.aicosttracker.core.pricing.UsagePricer;
import io.aicosttracker.core.records.AlertEvent;
import io.aicosttracker.core.records.PricedUsage;
import io.aicosttracker.core.records.UsageEvent;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * The detector with its default options over the generated series that used to produce almost
 * all false positives of {@code bench anomalies}: code-assist / claude-sonnet-4-6, the only series
 * with long-context (200k+ token) requests. Same generator settings as the benchmark.
 */
class CostAnomalyOnGeneratedSeriesTest {
  private static final long H = 3_600_000L;
  private static final long START = Instant.parse("2026-09-01T00:00:00Z").toEpochMilli();

  @Test
  void longContextRequestsOfTheCodeAssistSeriesAreNotAnomaliesButItsSpikesAre() throws Exception {
    UsagePricer pricer = new UsagePricer(PriceCatalog.builtIn());
    TreeMap<Long, SeriesCost> hours = new TreeMap<>();
    long[] longContextRequests = {0};
    List<SyntheticUsageGenerator.Spike> spikes =
        new SyntheticUsageGenerator(42, START, 90, 0.6, PriceCatalog.builtIn())
            .generate(
                200_000,
                10,
                e -> {
                  if (!"code-assist".equals(e.project) || !"claude-sonnet-4-6".equals(e.model) || !UsageEvent.SOURCE_API.equals(e.source)) return;
                  PricedUsage p = pricer.price(e);
                  SeriesCost s = hours.computeIfAbsent(Math.floorDiv(e.timestamp, H) * H, start -> new SeriesCost());
                  s.windowStart = Math.floorDiv(e.timestamp, H) * H;
                  s.add(p);
                  if (e.inputTokens > 200_000) longContextRequests[0]++;
                });
    Set<Long> labelled =
        spikes.stream().filter(s -> s.project().equals("code-assist")).map(SyntheticUsageGenerator.Spike::hourStart).collect(Collectors.toSet());
    assertThat(labelled).isNotEmpty();
    assertThat(longContextRequests[0]).as("long-context requests in the series").isGreaterThan(200);

    var h = new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(new CostAnomalyFunction(AnomalyOptions.hourly())), SeriesCost::seriesKey, Types.STRING);
    h.open();
    for (SeriesCost s : hours.values()) { // hours without usage are not emitted, as upstream
      h.processElement(s, s.windowStart + H - 1);
      h.processWatermark(s.windowStart + H - 1);
    }
    Set<Long> alerted =
        h.extractOutputValues().stream()
            .filter(a -> AlertEvent.COST_ANOMALY.equals(a.kind) && "ALERT".equals(a.state))
            .map(a -> a.periodStart)
            .collect(Collectors.toSet());
    h.close();
    assertThat(alerted).containsAll(labelled);
    // before long-context turns were cached session turns: 68 alerts, 66 of them false (one per
    // hour with a long-context request); now one hour with 3 of them in the busiest hour, +$1.00
    assertThat(alerted.stream().filter(t -> !labelled.contains(t)).count()).isLessThanOrEqualTo(1);
  }
}
