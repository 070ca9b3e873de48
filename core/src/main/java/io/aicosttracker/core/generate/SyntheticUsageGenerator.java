package io.aicosttracker.core.generate;

import io.aicosttracker.core.format.Csv;
import io.aicosttracker.core.format.UsageJson;
import io.aicosttracker.core.pricing.PriceQuote;
import io.aicosttracker.core.pricing.PriceCatalog;
import io.aicosttracker.core.records.UsageEvent;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Deterministic synthetic LLM usage: several providers and models (a few not in the catalog),
 * projects with teams, weekday and hour-of-day seasonality, growth, cache tokens, long-context
 * requests, provider-reported costs, manual entries and optional labelled cost spikes.
 *
 * <p>The same seed and options always produce the same events in the same order.
 */
public final class SyntheticUsageGenerator {
  private static final long HOUR = 3_600_000L;
  /** Share of claude-sonnet-4-6 requests (code-assist) over 200k input tokens. */
  static final double LONG_CONTEXT_SHARE = 0.03;

  /** A (provider, model) the generator draws from, with its typical request shape. */
  record ModelProfile(String provider, String model, int meanInput, int meanOutput, double cacheShare, double weight) {}

  /** A project, its team, its users and the models it prefers. */
  record ProjectProfile(String project, String team, double volume, List<ModelProfile> models) {}

  /** One injected spike: its series, hour and extra cost, written beside the events as labels. */
  public record Spike(String project, String provider, String model, long hourStart, double extraCostUsd, int events) {}

  private static final ModelProfile GPT_4O = new ModelProfile("openai", "gpt-4o", 2500, 400, 0.3, 3);
  private static final ModelProfile GPT_4O_MINI = new ModelProfile("openai", "gpt-4o-mini", 1800, 300, 0.2, 5);
  private static final ModelProfile O3_MINI = new ModelProfile("openai", "o3-mini", 3000, 1500, 0.1, 1);
  private static final ModelProfile EMBED = new ModelProfile("openai", "text-embedding-3-small", 800, 0, 0, 2);
  private static final ModelProfile SONNET_35 = new ModelProfile("anthropic", "claude-3-5-sonnet-20241022", 4000, 600, 0.5, 2);
  private static final ModelProfile SONNET_46 = new ModelProfile("anthropic", "claude-sonnet-4-6", 6000, 800, 0.6, 2);
  private static final ModelProfile HAIKU = new ModelProfile("anthropic", "claude-3-5-haiku-20241022", 1500, 250, 0.4, 3);
  private static final ModelProfile GEMINI = new ModelProfile("google", "gemini-2.0-flash", 3000, 500, 0.2, 2);
  private static final ModelProfile MISTRAL = new ModelProfile("mistral", "mistral-large-latest", 2000, 400, 0, 1);
  private static final ModelProfile UNKNOWN_1 = new ModelProfile("selfhosted", "llama-ft-internal-v2", 1500, 300, 0, 0.3);
  private static final ModelProfile UNKNOWN_2 = new ModelProfile("openai", "gpt-9-experimental", 1000, 200, 0, 0.1);

  static final List<ProjectProfile> PROJECTS =
      List.of(
          new ProjectProfile("search", "discovery", 3, List.of(GPT_4O_MINI, EMBED, GEMINI)),
          new ProjectProfile("support-bot", "customer-experience", 4, List.of(GPT_4O, HAIKU, SONNET_35)),
          new ProjectProfile("code-assist", "developer-experience", 2.5, List.of(SONNET_46, O3_MINI, GPT_4O)),
          new ProjectProfile("analytics", "data", 1.5, List.of(GEMINI, GPT_4O_MINI, MISTRAL, UNKNOWN_1)),
          new ProjectProfile("marketing-gen", "growth", 1, List.of(SONNET_35, GPT_4O, UNKNOWN_2)),
          new ProjectProfile("internal-tools", "platform", 1, List.of(HAIKU, GPT_4O_MINI, UNKNOWN_1)));

  private final long seed;
  private final long startMillis;
  private final int days;
  private final double growthOverPeriod;
  private final PriceCatalog catalog;

  /**
   * @param startMillis first day, UTC midnight
   * @param growthOverPeriod relative volume growth from the first to the last day (0.5 = +50 %)
   * @param catalog used to make provider-reported costs realistic; may be null
   */
  public SyntheticUsageGenerator(long seed, long startMillis, int days, double growthOverPeriod, PriceCatalog catalog) {
    if (days < 1) throw new IllegalArgumentException("days must be >= 1");
    this.seed = seed;
    this.startMillis = Math.floorDiv(startMillis, 24 * HOUR) * 24 * HOUR;
    this.days = days;
    this.growthOverPeriod = growthOverPeriod;
    this.catalog = catalog;
  }

  /** Relative volume of one hour: growth trend x weekday x hour-of-day. */
  double hourWeight(int hourIndex) {
    int day = hourIndex / 24;
    int hourOfDay = hourIndex % 24;
    int dow = Math.floorMod((int) (startMillis / (24 * HOUR)) + day + 3, 7); // 0 = Monday
    double trend = 1.0 + growthOverPeriod * day / Math.max(1, days - 1);
    double weekday = dow >= 5 ? 0.45 : 1.0;
    double hourly = 0.25 + Math.exp(-Math.pow((hourOfDay - 14.5) / 4.0, 2));
    return trend * weekday * hourly;
  }

  /**
   * Generates {@code events} events (plus spike events) and hands each to {@code sink} in
   * near-chronological order; a small share arrives out of order, as real producers do.
   *
   * @return the injected spikes (labels)
   */
  public List<Spike> generate(long events, int spikes, Consumer<UsageEvent> sink) {
    Random r = new Random(seed);
    int hours = days * 24;
    double[] w = new double[hours];
    double total = 0;
    for (int h = 0; h < hours; h++) total += (w[h] = hourWeight(h));
    List<Spike> spikePlan = planSpikes(r, spikes);
    long emitted = 0;
    double carried = 0;
    UsageEvent held = null;
    for (int h = 0; h < hours; h++) {
      double exact = events * w[h] / total + carried;
      long n = h == hours - 1 ? events - emitted : (long) Math.floor(exact);
      carried = exact - n;
      long hourStart = startMillis + h * HOUR;
      for (long i = 0; i < n; i++) {
        UsageEvent e = randomEvent(r, hourStart + (long) (r.nextDouble() * HOUR));
        // hold back one event in ~2 % of cases and emit it later: out-of-order arrival
        if (held == null && r.nextDouble() < 0.02) {
          held = e;
          continue;
        }
        sink.accept(e);
        if (held != null && r.nextDouble() < 0.3) {
          sink.accept(held);
          held = null;
        }
      }
      emitted += n;
      for (Spike s : spikePlan) {
        if (s.hourStart == hourStart) emitSpike(r, s, sink);
      }
    }
    if (held != null) sink.accept(held);
    return spikePlan;
  }

  private List<Spike> planSpikes(Random r, int count) {
    List<Spike> plan = new ArrayList<>();
    if (count <= 0) return plan;
    int firstDay = Math.min(days - 1, 15); // after the anomaly detector's minimum history
    for (int k = 0; k < count; k++) {
      ProjectProfile p = PROJECTS.get(k % PROJECTS.size());
      ModelProfile m = p.models.get(0);
      int day = firstDay + r.nextInt(Math.max(1, days - firstDay));
      int hour = 10 + r.nextInt(8);
      long hourStart = startMillis + (day * 24L + hour) * HOUR;
      boolean clash = plan.stream().anyMatch(s -> s.project.equals(p.project) && Math.abs(s.hourStart - hourStart) < 48 * HOUR);
      if (clash) {
        k--;
        continue;
      }
      double extra = 5 + r.nextDouble() * 20;
      plan.add(new Spike(p.project, m.provider, m.model, hourStart, Math.round(extra * 100) / 100.0, 20));
    }
    plan.sort((a, b) -> Long.compare(a.hourStart, b.hourStart));
    return plan;
  }

  private void emitSpike(Random r, Spike s, Consumer<UsageEvent> sink) {
    double perEvent = s.extraCostUsd / s.events;
    for (int i = 0; i < s.events; i++) {
      UsageEvent e = baseEvent(r, s.hourStart + (long) (r.nextDouble() * HOUR), s.project, teamOf(s.project));
      e.provider = s.provider;
      e.model = s.model;
      e.user = "batch-runaway";
      e.inputTokens = 150_000;
      e.outputTokens = 4_000;
      e.reportedCostUsd = perEvent;
      sink.accept(e);
    }
  }

  private static String teamOf(String project) {
    return PROJECTS.stream().filter(p -> p.project.equals(project)).findFirst().orElseThrow().team;
  }

  private UsageEvent randomEvent(Random r, long ts) {
    ProjectProfile p = pickProject(r);
    UsageEvent e = baseEvent(r, ts, p.project, p.team);
    if (r.nextDouble() < 0.001) return manualEntry(r, e);
    ModelProfile m = pickModel(r, p.models);
    e.provider = m.provider;
    e.model = m.model;
    e.operation = m.meanOutput == 0 ? "embeddings" : "chat";
    e.inputTokens = lognormal(r, m.meanInput);
    long freshTokens = e.inputTokens;
    boolean longContext = m.model.equals("claude-sonnet-4-6") && r.nextDouble() < LONG_CONTEXT_SHARE;
    if (longContext) e.inputTokens = 200_001 + r.nextInt(400_000); // over the long-context tier threshold
    e.outputTokens = m.meanOutput == 0 ? 0 : lognormal(r, m.meanOutput);
    if (m.model.startsWith("o3")) e.reasoningTokens = e.outputTokens * (40 + r.nextInt(50)) / 100;
    if (m.cacheShare > 0 && r.nextDouble() < 0.6) {
      e.cacheReadTokens = (long) (e.inputTokens * m.cacheShare * r.nextDouble());
      if (m.provider.equals("anthropic") && r.nextDouble() < 0.2) {
        e.cacheWriteTokens = Math.min(e.inputTokens - e.cacheReadTokens, 1024 + r.nextInt(4096));
      }
    }
    if (longContext) sessionTurnCache(e, freshTokens);
    if (r.nextDouble() < 0.12) e.reportedCostUsd = reportedCost(r, e);
    return e;
  }

  /**
   * A 200k+ token request to a coding assistant is a turn late in a long session: everything but
   * the new turn is the conversation so far, which the client reads from the prompt cache, and the
   * new turn (sized like an ordinary request) is written to it for the next turn. Pricing most of
   * the context as fresh input made each such turn cost ~$1 (~37x an ordinary turn), which real
   * sessions with prompt caching do not pay; now ~$0.15. Draws no random numbers, so every other
   * event of a seed stays as it was.
   */
  private static void sessionTurnCache(UsageEvent e, long freshTokens) {
    long fresh = Math.min(freshTokens, e.inputTokens);
    e.cacheReadTokens = e.inputTokens - fresh;
    e.cacheWriteTokens = fresh;
  }

  private UsageEvent manualEntry(Random r, UsageEvent e) {
    e.source = UsageEvent.SOURCE_MANUAL;
    e.provider = r.nextBoolean() ? "openai" : "anthropic";
    e.model = e.provider.equals("openai") ? "gpt-4o" : "claude-3-5-sonnet-20241022";
    e.operation = "batch";
    e.user = "finops-entry";
    e.requests = 1 + r.nextInt(200);
    e.inputTokens = e.requests * 2000L;
    e.outputTokens = e.requests * 300L;
    // a person enters the invoice amount, rounded to cents: near the catalog price, not equal
    Double priced = reportedCost(r, e);
    e.reportedCostUsd = Math.round((priced == null ? e.requests * 0.01 : priced) * 100) / 100.0;
    e.tagsJson = "{\"entered_by\":\"finops\",\"invoice\":\"INV-" + (1000 + r.nextInt(9000)) + "\"}";
    return e;
  }

  private UsageEvent baseEvent(Random r, long ts, String project, String team) {
    UsageEvent e = new UsageEvent();
    e.eventId = new UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
    e.timestamp = ts;
    e.project = project;
    e.team = team;
    e.user = "user-" + (1 + r.nextInt(40));
    e.apiKeyId = "key-" + project + "-" + (1 + r.nextInt(3));
    e.environment = r.nextDouble() < 0.85 ? "prod" : "staging";
    e.source = UsageEvent.SOURCE_API;
    return e;
  }

  private Double reportedCost(Random r, UsageEvent e) {
    if (catalog == null) return null;
    PriceQuote q = catalog.quote(e.provider, e.model, e.timestamp, e.inputTokens, e.cacheReadTokens, e.cacheWriteTokens, e.outputTokens, e.requests);
    if (q == null) return Math.round(e.inputTokens * 0.5) / 1e6; // an internal chargeback rate
    // providers round and apply discounts: a small drift from the catalog price
    return q.costUsd() * (0.97 + 0.06 * r.nextDouble());
  }

  private static ProjectProfile pickProject(Random r) {
    double total = 0;
    for (ProjectProfile p : PROJECTS) total += p.volume;
    double x = r.nextDouble() * total;
    for (ProjectProfile p : PROJECTS) {
      if ((x -= p.volume) <= 0) return p;
    }
    return PROJECTS.get(PROJECTS.size() - 1);
  }

  private static ModelProfile pickModel(Random r, List<ModelProfile> models) {
    double total = 0;
    for (ModelProfile m : models) total += m.weight;
    double x = r.nextDouble() * total;
    for (ModelProfile m : models) {
      if ((x -= m.weight) <= 0) return m;
    }
    return models.get(models.size() - 1);
  }

  private static long lognormal(Random r, int mean) {
    double sigma = 0.6;
    double mu = Math.log(mean) - sigma * sigma / 2;
    return Math.max(1, Math.round(Math.exp(mu + sigma * r.nextGaussian())));
  }

  /** CSV header naming the event fields, the file format {@code run} reads for {@code .csv}. */
  public static final String CSV_HEADER =
      "event_id,timestamp,provider,model,project,team,user,api_key_id,environment,operation,input_tokens,"
          + "output_tokens,cache_read_tokens,cache_write_tokens,reasoning_tokens,requests,cost_usd,source,tags";

  /** Renders an event as one CSV row under {@link #CSV_HEADER}. */
  public static String toCsvRow(UsageEvent e) {
    StringBuilder b = new StringBuilder(256);
    Csv.appendCell(b, e.eventId).append(',');
    b.append(Instant.ofEpochMilli(e.timestamp)).append(',');
    Csv.appendCell(b, e.provider).append(',');
    Csv.appendCell(b, e.model).append(',');
    Csv.appendCell(b, e.project).append(',');
    Csv.appendCell(b, e.team).append(',');
    Csv.appendCell(b, e.user).append(',');
    Csv.appendCell(b, e.apiKeyId).append(',');
    Csv.appendCell(b, e.environment).append(',');
    Csv.appendCell(b, e.operation).append(',');
    b.append(e.inputTokens).append(',').append(e.outputTokens).append(',').append(e.cacheReadTokens).append(',');
    b.append(e.cacheWriteTokens).append(',').append(e.reasoningTokens).append(',').append(e.requests).append(',');
    if (e.reportedCostUsd != null) b.append(e.reportedCostUsd);
    b.append(',');
    Csv.appendCell(b, e.source).append(',');
    Csv.appendCell(b, e.tagsJson);
    return b.toString();
  }

  /** Writes events as JSON lines or CSV (by {@code csv}) to {@code out}; returns the spikes. */
  public List<Spike> writeTo(Writer out, boolean csv, long events, int spikes) throws IOException {
    BufferedWriter w = out instanceof BufferedWriter ? (BufferedWriter) out : new BufferedWriter(out, 1 << 16);
    if (csv) {
      w.write(CSV_HEADER);
      w.write('\n');
    }
    IOException[] failure = new IOException[1];
    List<Spike> labels =
        generate(
            events,
            spikes,
            e -> {
              if (failure[0] != null) return;
              try {
                w.write(csv ? toCsvRow(e) : UsageJson.toInputJson(e));
                w.write('\n');
              } catch (IOException ex) {
                failure[0] = ex;
              }
            });
    if (failure[0] != null) throw failure[0];
    w.flush();
    return labels;
  }
}
