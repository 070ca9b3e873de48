package io.aicosttracker.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.aicosttracker.core.parse.UsageEventParser;
import io.aicosttracker.core.pricing.PriceCatalog;
import io.aicosttracker.core.records.UsageEvent;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyntheticUsageGeneratorTest {
  private static final long START = Instant.parse("2026-09-01T00:00:00Z").toEpochMilli();

  private static String generate(long seed, boolean csv) throws Exception {
    StringWriter w = new StringWriter();
    new SyntheticUsageGenerator(seed, START, 30, 0.5, PriceCatalog.builtIn()).writeTo(w, csv, 5_000, 3);
    return w.toString();
  }

  @Test
  void sameSeedSameOutputDifferentSeedDifferentOutput() throws Exception {
    assertThat(generate(1, false)).isEqualTo(generate(1, false));
    assertThat(generate(1, false)).isNotEqualTo(generate(2, false));
    assertThat(generate(1, true)).isEqualTo(generate(1, true));
  }

  @Test
  void everyEventIsValidAndTheMixIsRealistic() throws Exception {
    List<UsageEvent> events = new ArrayList<>();
    List<SyntheticUsageGenerator.Spike> spikes =
        new SyntheticUsageGenerator(9, START, 60, 0.5, PriceCatalog.builtIn()).generate(20_000, 4, events::add);
    UsageEventParser parser = new UsageEventParser();
    Set<String> ids = new HashSet<>();
    Set<String> projects = new HashSet<>();
    Set<String> providers = new HashSet<>();
    long manual = 0;
    long reported = 0;
    long unknownModels = 0;
    long longContext = 0;
    long cached = 0;
    for (UsageEvent e : events) {
      byte[] json = io.aicosttracker.core.format.UsageJson.toInputJson(e).getBytes(StandardCharsets.UTF_8);
      assertThat(parser.parseJson(json, 0, json.length)).isEqualTo(e);
      ids.add(e.eventId);
      projects.add(e.project);
      providers.add(e.provider);
      if (e.source.equals("manual")) manual++;
      if (e.reportedCostUsd != null) reported++;
      if (PriceCatalog.builtIn().quote(e.provider, e.model, e.timestamp, 1, 0, 0, 1, 1) == null) unknownModels++;
      if (e.inputTokens > 200_000) longContext++;
      if (e.cacheReadTokens > 0) cached++;
    }
    assertThat(events).hasSize(20_000 + spikes.stream().mapToInt(SyntheticUsageGenerator.Spike::events).sum());
    assertThat(ids).hasSize(events.size());
    assertThat(projects).hasSizeGreaterThanOrEqualTo(5);
    assertThat(providers).hasSizeGreaterThanOrEqualTo(4);
    assertThat(manual).isPositive();
    assertThat(reported).isPositive();
    assertThat(unknownModels).isPositive();
    assertThat(longContext).isPositive();
    assertThat(cached).isPositive();
    assertThat(spikes).hasSize(4);
  }

  @Test
  void longContextRequestsAreCachedSessionTurnsThatCostAboutAsMuchAsAnOrdinaryTurnTimesAFew() {
    List<UsageEvent> events = new ArrayList<>();
    new SyntheticUsageGenerator(3, START, 30, 0.5, PriceCatalog.builtIn()).generate(30_000, 0, events::add);
    PriceCatalog catalog = PriceCatalog.builtIn();
    long sonnet = 0;
    long longContext = 0;
    for (UsageEvent e : events) {
      if (!"claude-sonnet-4-6".equals(e.model) || !"api".equals(e.source)) continue;
      sonnet++;
      if (e.inputTokens <= 200_000) continue;
      longContext++;
      // the conversation so far is read from the cache; only the new turn is written
      assertThat(e.cacheReadTokens + e.cacheWriteTokens).isEqualTo(e.inputTokens);
      assertThat(e.cacheReadTokens).isGreaterThan(150_000);
      assertThat(e.cacheWriteTokens).isPositive().isLessThan(50_000);
      double cost = catalog.quote(e.provider, e.model, e.timestamp, e.inputTokens, e.cacheReadTokens, e.cacheWriteTokens, e.outputTokens, e.requests).costUsd();
      assertThat(cost).as("a cached 200k-600k token turn").isLessThan(0.5);
    }
    // still some long-context requests: about 3 % of claude-sonnet-4-6 requests
    assertThat((double) longContext / sonnet).isBetween(0.02, 0.04);
  }

  @Test
  void weekdaysAreBusierThanWeekendsAndVolumeGrows() {
    SyntheticUsageGenerator g = new SyntheticUsageGenerator(1, START, 90, 0.6, null);
    // 2026-09-01 is a Tuesday: day 4 is Saturday
    assertThat(g.hourWeight(14)).isGreaterThan(g.hourWeight(4 * 24 + 14));
    assertThat(g.hourWeight(84 * 24 + 14)).isGreaterThan(g.hourWeight(7 * 24 + 14)); // both Tuesdays
    assertThat(g.hourWeight(14)).isGreaterThan(g.hourWeight(3));
  }
}
