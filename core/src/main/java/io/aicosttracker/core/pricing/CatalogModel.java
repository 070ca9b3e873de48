package io.aicosttracker.core.pricing;

import java.util.List;

/** Parsed, immutable catalog content: providers and their models, in file order. */
final class CatalogModel {
  private CatalogModel() {}

  /** One provider of the catalog. */
  record Provider(String id, MatchRule providerMatch, MatchRule modelMatch,
      List<String> fallbackModelProviders, List<Model> models) {}

  /** One model entry of a provider. */
  record Model(String id, MatchRule match, PriceSchedule schedule) {}

  /** A (provider, model) resolution: the provider the event named and the entry that prices it. */
  record Resolution(String providerId, Model model) {}
}
