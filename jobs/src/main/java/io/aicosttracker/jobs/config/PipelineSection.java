package io.aicosttracker.jobs.config;

import io.aicosttracker.jobs.pipeline.CatalogSpec;
import io.aicosttracker.jobs.pipeline.PipelineOptions;
import java.nio.file.Path;
import java.time.Duration;

/** {@code pipeline.*}: event time, lateness, de-duplication, validation limits and prices. */
public final class PipelineSection {
  public Duration outOfOrderness = Duration.ofMinutes(5);
  public Duration idleness = Duration.ofMinutes(1);
  public Duration allowedLateness = Duration.ofDays(2);
  public Duration dedupeTtl = Duration.ofDays(2);
  public int maxRecordBytes = 1 << 20;
  public Duration maxFutureSkew = Duration.ofHours(24);
  /** A custom price catalog (genai-prices format); its entries beat the built-in ones. */
  public Path prices;
  public boolean pricesReplace = false;

  void validate() {
    Sections.requireNonNegative("pipeline.out-of-orderness", outOfOrderness);
    Sections.requirePositive("pipeline.idleness", idleness);
    Sections.requireNonNegative("pipeline.allowed-lateness", allowedLateness);
    Sections.requirePositive("pipeline.dedupe-ttl", dedupeTtl);
    Sections.requireNonNegative("pipeline.max-future-skew", maxFutureSkew);
    if (maxRecordBytes < 1024) throw new ConfigException("pipeline.max-record-bytes must be >= 1024, got " + maxRecordBytes);
    if (pricesReplace && prices == null) throw new ConfigException("pipeline.prices-replace needs pipeline.prices");
  }

  /** The pipeline options these settings describe (reads the custom catalog, if any). */
  public PipelineOptions toOptions() {
    PipelineOptions o = new PipelineOptions();
    o.outOfOrderness = outOfOrderness;
    o.idleness = idleness;
    o.allowedLateness = allowedLateness;
    o.dedupeTtl = dedupeTtl;
    o.maxRecordBytes = maxRecordBytes;
    o.maxFutureSkew = maxFutureSkew;
    if (prices != null) o.catalog = CatalogSpec.withCustom(prices, pricesReplace);
    return o;
  }
}
