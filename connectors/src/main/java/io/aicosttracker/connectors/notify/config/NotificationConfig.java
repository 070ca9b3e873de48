package io.aicosttracker.connectors.notify.config;

import io.aicosttracker.connectors.notify.message.MessageTemplate;
import io.aicosttracker.core.records.AlertEvent;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The {@code notifications} section: channels, routes, per-budget channels, templates and
 * delivery settings. Immutable and serializable (it ships with the job; secrets stay references).
 *
 * <p>Load with {@link NotificationConfigLoader}.
 */
public final class NotificationConfig implements Serializable {
  private final Map<String, ChannelConfig> channels;
  private final List<RouteRule> routes;
  private final Map<String, List<String>> budgetChannels;
  private final Map<String, MessageTemplate> templates;
  private final String linkTemplate;
  private final int maxInFlight;
  private final Duration deliveryTimeout;
  private final Duration dedupeTtl;

  public NotificationConfig(
      Map<String, ChannelConfig> channels,
      List<RouteRule> routes,
      Map<String, List<String>> budgetChannels,
      Map<String, MessageTemplate> templates,
      String linkTemplate,
      int maxInFlight,
      Duration deliveryTimeout,
      Duration dedupeTtl) {
    this.channels = Collections.unmodifiableMap(new LinkedHashMap<>(channels));
    this.routes = List.copyOf(routes);
    this.budgetChannels = Collections.unmodifiableMap(new LinkedHashMap<>(budgetChannels));
    this.templates = Collections.unmodifiableMap(new LinkedHashMap<>(templates));
    this.linkTemplate = linkTemplate;
    this.maxInFlight = maxInFlight;
    this.deliveryTimeout = deliveryTimeout;
    this.dedupeTtl = dedupeTtl;
    for (RouteRule r : this.routes) requireChannels(r.channels(), "route");
    this.budgetChannels.forEach((budget, names) -> requireChannels(names, "budget " + budget));
  }

  /**
   * The channels an alert goes to: every matching route's channels plus the alert's budget's own
   * channels, each once, sorted by name.
   */
  public List<String> channelsFor(AlertEvent alert) {
    TreeSet<String> out = new TreeSet<>();
    for (RouteRule r : routes) if (r.matches(alert)) out.addAll(r.channels());
    if (alert.budgetId != null) out.addAll(budgetChannels.getOrDefault(alert.budgetId, List.of()));
    return new ArrayList<>(out);
  }

  /**
   * A copy with budget-owned channels added, e.g. from the budgets section of the general
   * configuration ({@code budget.channels}).
   */
  public NotificationConfig withBudgetChannels(Map<String, List<String>> more) {
    Map<String, List<String>> merged = new LinkedHashMap<>(budgetChannels);
    more.forEach((budget, names) -> {
      List<String> all = new ArrayList<>(merged.getOrDefault(budget, List.of()));
      for (String n : names) if (!all.contains(n)) all.add(n);
      merged.put(budget, all);
    });
    return new NotificationConfig(channels, routes, merged, templates, linkTemplate, maxInFlight, deliveryTimeout, dedupeTtl);
  }

  private void requireChannels(List<String> names, String where) {
    for (String n : names) {
      if (!channels.containsKey(n)) {
        throw new IllegalArgumentException(
            "notifications: " + where + " names unknown channel '" + n + "' (configured: " + channels.keySet() + ")");
      }
    }
  }

  /** The named channel's configuration; a clear error listing the configured names otherwise. */
  public ChannelConfig channel(String name) {
    ChannelConfig c = channels.get(name);
    if (c == null) {
      throw new IllegalArgumentException("no channel named '" + name + "' (configured: " + channels.keySet() + ")");
    }
    return c;
  }

  public Map<String, ChannelConfig> channels() {
    return channels;
  }

  public List<RouteRule> routes() {
    return routes;
  }

  public Map<String, List<String>> budgetChannels() {
    return budgetChannels;
  }

  public Map<String, MessageTemplate> templates() {
    return templates;
  }

  public String linkTemplate() {
    return linkTemplate;
  }

  /** The most deliveries in flight at once per parallel instance (Flink async I/O capacity). */
  public int maxInFlight() {
    return maxInFlight;
  }

  /** How long one delivery (all its attempts) may take before it is dead-lettered. */
  public Duration deliveryTimeout() {
    return deliveryTimeout;
  }

  /** How long a delivered (alert_id, channel) pair is remembered for dedupe. */
  public Duration dedupeTtl() {
    return dedupeTtl;
  }
}
