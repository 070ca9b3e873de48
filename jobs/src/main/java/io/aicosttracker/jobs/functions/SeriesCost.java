package io.aicosttracker.jobs.functions;

import io.aicosttracker.core.records.PricedUsage;
import java.util.HashMap;
import java.util.Map;

/**
 * Cost of one anomaly series (project, provider, model) in one window, summed over sources, with
 * the cost per user and per team so an anomaly can name who drove it.
 */
public class SeriesCost {
  public String project;
  public String provider;
  public String model;
  public long windowStart;
  public double costUsd;
  public long events;
  public Map<String, Double> costByUser = new HashMap<>();
  public Map<String, Double> costByTeam = new HashMap<>();

  public SeriesCost() {}

  public void add(PricedUsage e) {
    if (events == 0) {
      project = e.project;
      provider = e.provider;
      model = e.model;
    }
    events++;
    costUsd += e.costUsd;
    costByUser.merge(e.user == null ? "(none)" : e.user, e.costUsd, Double::sum);
    costByTeam.merge(e.team == null ? "(none)" : e.team, e.costUsd, Double::sum);
  }

  public void merge(SeriesCost o) {
    if (events == 0) {
      project = o.project;
      provider = o.provider;
      model = o.model;
    }
    events += o.events;
    costUsd += o.costUsd;
    o.costByUser.forEach((k, v) -> costByUser.merge(k, v, Double::sum));
    o.costByTeam.forEach((k, v) -> costByTeam.merge(k, v, Double::sum));
  }

  /** The anomaly series key: project, provider, model. */
  public static String seriesKey(String project, String provider, String model) {
    return project + '\u0001' + provider + '\u0001' + model;
  }

  public String seriesKey() {
    return seriesKey(project, provider, model);
  }
}
