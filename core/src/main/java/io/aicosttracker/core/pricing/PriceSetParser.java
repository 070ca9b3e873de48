package io.aicosttracker.core.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import io.aicosttracker.core.pricing.CatalogParser.ShapeException;
import java.util.Arrays;
import java.util.Comparator;

/** Parses one genai-prices price object into a {@link PriceSet}, keeping only our units. */
final class PriceSetParser {
  private PriceSetParser() {}

  /** Parses {@code node}; units other than input/cache/output/requests are ignored. */
  static PriceSet parse(JsonNode node, String path) {
    CatalogParser.requireObject(node, path);
    return new PriceSet(
        rate(node, "input_mtok", path),
        rate(node, "cache_read_mtok", path),
        rate(node, "cache_write_mtok", path),
        rate(node, "output_mtok", path),
        rate(node, "requests_kcount", path));
  }

  private static Rate rate(JsonNode prices, String unit, String path) {
    JsonNode v = prices.get(unit);
    String at = path + "." + unit;
    if (v == null || v.isNull()) {
      return null; // no price for this unit: see PriceSet#cost for how upstream treats that
    }
    if (v.isNumber()) {
      return Rate.flat(nonNegative(v.asDouble(), at));
    }
    if (!v.isObject() || !v.path("base").isNumber() || !v.path("tiers").isArray()) {
      throw new ShapeException(at, "expected a number or {base, tiers:[{start, price}]}");
    }
    JsonNode tiers = v.get("tiers");
    JsonNode[] sorted = new JsonNode[tiers.size()];
    for (int i = 0; i < sorted.length; i++) {
      JsonNode t = tiers.get(i);
      if (t == null || !t.path("start").isNumber() || !t.path("price").isNumber()) {
        throw new ShapeException(at + ".tiers[" + i + "]", "expected {start, price} numbers");
      }
      sorted[i] = t;
    }
    // Sorted so Rate can scan from the top; upstream data is already ascending.
    Arrays.sort(sorted, Comparator.comparingLong(t -> t.get("start").asLong()));
    long[] starts = new long[sorted.length];
    double[] values = new double[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      starts[i] = sorted[i].get("start").asLong();
      values[i] = nonNegative(sorted[i].get("price").asDouble(), at + ".tiers");
    }
    return Rate.tiered(nonNegative(v.get("base").asDouble(), at + ".base"), starts, values);
  }

  private static double nonNegative(double d, String path) {
    if (!(d >= 0) || Double.isInfinite(d)) {
      throw new ShapeException(path, "price must be a finite number >= 0, got " + d);
    }
    return d;
  }
}
