package io.aicosttracker.core.pricing;

import io.aicosttracker.core.pricing.CatalogModel.Provider;
import io.aicosttracker.core.pricing.CatalogModel.Resolution;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An LLM price catalog in the @pydantic/genai-prices {@code providers.json} format.
 *
 * <p>Thread-safe. (provider, model) resolution is cached per catalog instance, negative results
 * included, so the per-event work is a two-level hash lookup plus the date/tier choice. The cache
 * stops growing at {@value #MAX_CACHED} entries (junk model ids must not exhaust the heap); past
 * that, lookups are still correct, only uncached.
 */
public final class PriceCatalog {
  static final int MAX_CACHED = 100_000;
  private static final String BUILT_IN_VERSION = "genai-prices-0.1.8";
  private static final Object UNKNOWN = new Object(); // cached negative result

  private final String version;
  private final List<List<Provider>> layers; // tried in order, the first resolution wins
  private final ConcurrentHashMap<String, ConcurrentHashMap<String, Object>> cache =
      new ConcurrentHashMap<>();
  private final AtomicInteger cached = new AtomicInteger();

  private PriceCatalog(String version, List<List<Provider>> layers) {
    this.version = version;
    this.layers = layers;
  }

  /** Lazy holder: the bundled catalog is parsed once, on first use. */
  private static final class BuiltIn {
    static final PriceCatalog INSTANCE = parse(readResource(), BUILT_IN_VERSION);

    private static byte[] readResource() {
      try (InputStream in = PriceCatalog.class.getResourceAsStream("providers.json")) {
        if (in == null) {
          throw new IllegalStateException("built-in price catalog resource providers.json missing");
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read built-in price catalog", e);
      }
    }
  }

  /** The catalog shipped in the jar (@pydantic/genai-prices 0.1.8), version "genai-prices-0.1.8". */
  public static PriceCatalog builtIn() {
    return BuiltIn.INSTANCE;
  }

  /** Parses a catalog; IllegalArgumentException with a one-line message on bad JSON or shape. */
  public static PriceCatalog parse(byte[] json, String version) {
    return new PriceCatalog(version, List.of(CatalogParser.parse(json, version)));
  }

  /** Loads a catalog file; version is "file-name@" + the first 12 hex digits of its SHA-256. */
  public static PriceCatalog load(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String sha;
    try {
      sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e); // mandatory in every JRE
    }
    return parse(bytes, file.getFileName() + "@" + sha.substring(0, 12));
  }

  /**
   * A catalog that prices with {@code custom} first and with this catalog for whatever
   * {@code custom} does not resolve; version "custom-version+this-version".
   */
  public PriceCatalog overriddenBy(PriceCatalog custom) {
    List<List<Provider>> both = new ArrayList<>(custom.layers);
    both.addAll(layers);
    return new PriceCatalog(custom.version + "+" + version, List.copyOf(both));
  }

  /** Identifies the catalog data, to be recorded beside every cost computed with it. */
  public String version() {
    return version;
  }

  /**
   * Prices one event (one request, for tiered prices: the tier is chosen by its total input).
   *
   * @param inputTokens total input tokens, INCLUDING cache-read and cache-write tokens
   * @param requests    multiplies {@code requests_kcount} (per thousand requests) where priced
   * @return the quote, or null when no provider/model matches: an unknown model must never be a
   *     silent $0
   */
  public PriceQuote quote(String provider, String model, long eventTimeEpochMillis,
      long inputTokens, long cacheReadTokens, long cacheWriteTokens,
      long outputTokens, long requests) {
    Resolution r = resolve(provider, model);
    if (r == null) {
      return null;
    }
    double cost = r.model().schedule().at(eventTimeEpochMillis)
        .cost(inputTokens, cacheReadTokens, cacheWriteTokens, outputTokens, requests);
    return new PriceQuote(r.providerId(), r.model().id(), cost);
  }

  /** Cached resolution; keyed by the raw strings so a hit allocates nothing. */
  Resolution resolve(String provider, String model) {
    if (model == null) {
      return null;
    }
    String providerKey = provider == null ? "" : provider;
    ConcurrentHashMap<String, Object> byModel = cache.get(providerKey);
    Object hit = byModel == null ? null : byModel.get(model);
    if (hit == null) {
      hit = uncachedResolve(providerKey, model);
      if (cached.get() < MAX_CACHED) {
        if (byModel == null) {
          byModel = cache.computeIfAbsent(providerKey, k -> new ConcurrentHashMap<>());
        }
        if (byModel.putIfAbsent(model, hit) == null) {
          cached.incrementAndGet();
        }
      }
    }
    return hit == UNKNOWN ? null : (Resolution) hit;
  }

  private Object uncachedResolve(String provider, String model) {
    for (List<Provider> layer : layers) {
      Resolution r = ModelResolver.resolve(layer, provider, model);
      if (r != null) {
        return r;
      }
    }
    return UNKNOWN;
  }

  /** Number of cached resolutions, negative ones included (for tests and metrics). */
  int cachedResolutions() {
    return cached.get();
  }

  @Override
  public String toString() {
    return "PriceCatalog[" + version + "]";
  }
}
