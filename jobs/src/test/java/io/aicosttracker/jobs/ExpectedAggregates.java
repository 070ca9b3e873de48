package io.aicosttracker.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.aicosttracker.core.pricing.PriceCatalog;
import io.aicosttracker.core.pricing.PriceQuote;
import io.aicosttracker.core.records.UsageEvent;
import io.aicosttracker.jobs.sinks.AggregateFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Hourly and daily totals computed in the test, independently of the pipeline's operators: a
 * plain loop over the unique events with the provider cost or else the catalog quote.
 */
final class ExpectedAggregates {
  /** requests, input, output, cache read, cache write, reasoning, unpriced; then cost. */
  static final class Totals {
    final long[] counts = new long[7];
    double cost;
  }

  final Map<String, Totals> hourly = new TreeMap<>();
  final Map<String, Totals> daily = new TreeMap<>();

  static ExpectedAggregates of(Collection<UsageEvent> events, PriceCatalog catalog) {
    ExpectedAggregates x = new ExpectedAggregates();
    Set<String> seen = new HashSet<>();
    for (UsageEvent e : events) {
      if (!seen.add(e.eventId)) continue;
      PriceQuote q =
          catalog.quote(e.provider, e.model, e.timestamp, e.inputTokens, e.cacheReadTokens, e.cacheWriteTokens, e.outputTokens, e.requests);
      double cost = e.reportedCostUsd != null ? e.reportedCostUsd : q != null ? q.costUsd() : 0.0;
      boolean unpriced = e.reportedCostUsd == null && q == null;
      add(x.hourly, e, 3_600_000L, cost, unpriced);
      add(x.daily, e, 86_400_000L, cost, unpriced);
    }
    return x;
  }

  private static void add(Map<String, Totals> m, UsageEvent e, long size, double cost, boolean unpriced) {
    String key =
        String.join("\u0001", Instant.ofEpochMilli(Math.floorDiv(e.timestamp, size) * size).toString(), e.project, e.provider, e.model, e.source);
    Totals t = m.computeIfAbsent(key, k -> new Totals());
    t.counts[0] += e.requests;
    t.counts[1] += e.inputTokens;
    t.counts[2] += e.outputTokens;
    t.counts[3] += e.cacheReadTokens;
    t.counts[4] += e.cacheWriteTokens;
    t.counts[5] += e.reasoningTokens;
    t.counts[6] += unpriced ? 1 : 0;
    t.cost += cost;
  }

  /** Asserts that the final rows under {@code dir} equal {@code expected}, key by key. */
  static void assertFilesEqual(Path dir, Map<String, Totals> expected) throws IOException {
    Map<String, String[]> actual = AggregateFiles.readFinal(dir);
    assertThat(new TreeMap<>(actual).keySet()).containsExactlyElementsOf(expected.keySet());
    for (Map.Entry<String, Totals> e : expected.entrySet()) {
      String[] row = actual.get(e.getKey());
      Totals t = e.getValue();
      String where = e.getKey().replace('\u0001', '/');
      long[] got = {
        Long.parseLong(row[5]), Long.parseLong(row[6]), Long.parseLong(row[7]), Long.parseLong(row[8]),
        Long.parseLong(row[9]), Long.parseLong(row[10]), Long.parseLong(row[12])
      };
      assertThat(got).as(where).containsExactly(t.counts);
      assertThat(Double.parseDouble(row[11])).as(where + " cost").isCloseTo(t.cost, within(1e-9 + t.cost * 1e-9));
    }
  }
}
