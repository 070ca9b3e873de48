package io.aicosttracker.jobs.config;

import java.util.List;

/** {@code forecast.*}: daily re-forecast of cost per scope from the daily aggregates. */
public final class ForecastSection {
  public boolean enabled = true;
  public List<Integer> horizons = List.of(30, 60, 90);

  void validate() {
    if (horizons == null || horizons.isEmpty()) throw new ConfigException("forecast.horizons must list at least one horizon");
    for (Integer h : horizons) {
      if (h == null || h < 1 || h > 365) throw new ConfigException("forecast.horizons must be days between 1 and 365, got " + h);
    }
  }

  public int[] horizonArray() {
    return horizons.stream().mapToInt(Integer::intValue).toArray();
  }
}
