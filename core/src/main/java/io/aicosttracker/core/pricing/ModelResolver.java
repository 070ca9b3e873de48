package io.aicosttracker.core.pricing;

import io.aicosttracker.core.pricing.CatalogModel.Model;
import io.aicosttracker.core.pricing.CatalogModel.Provider;
import io.aicosttracker.core.pricing.CatalogModel.Resolution;
import java.util.List;
import java.util.Locale;

/**
 * Resolves (provider, model) strings to a model entry of one catalog, as upstream does.
 *
 * <p>Follows upstream JS {@code api.ts calcPrice} / {@code engine.ts matchProvider},
 * {@code findProviderById}, {@code matchModelWithFallback} (Python {@code DataSnapshot
 * .find_provider_model}): both strings are lower-cased and trimmed; the provider is the one whose
 * {@code id} equals it, else the first whose {@code provider_match} matches it; a blank provider
 * falls back to the providers' {@code model_match}; for {@code litellm} a "prefix/model" id names
 * the real provider. The model is the first entry whose {@code match} matches, else (one step
 * only) the first match among the provider's {@code fallback_model_providers}.
 */
final class ModelResolver {
  private ModelResolver() {}

  /** The resolution in {@code providers}, or null when provider or model is unknown. */
  static Resolution resolve(List<Provider> providers, String rawProvider, String rawModel) {
    String model = rawModel.toLowerCase(Locale.ROOT).trim();
    String providerId = rawProvider == null ? "" : rawProvider.toLowerCase(Locale.ROOT).trim();
    if (providerId.equals("litellm")) {
      int slash = model.indexOf('/');
      if (slash > 0 && slash < model.length() - 1
          && byId(providers, model.substring(0, slash)) != null) {
        providerId = model.substring(0, slash);
        model = model.substring(slash + 1);
      }
    }
    Provider provider = providerId.isEmpty() ? null : byId(providers, providerId);
    if (provider == null && (providerId.isEmpty() || providerId.equals("litellm"))) {
      provider = byModel(providers, model);
    }
    if (provider == null) {
      return null;
    }
    Model m = modelWithFallback(providers, provider, model);
    return m == null ? null : new Resolution(provider.id(), m);
  }

  private static Provider byId(List<Provider> providers, String id) {
    for (Provider p : providers) {
      if (p.id().equals(id)) {
        return p;
      }
    }
    for (Provider p : providers) {
      if (p.providerMatch() != null && p.providerMatch().matches(id)) {
        return p;
      }
    }
    return null;
  }

  private static Provider byModel(List<Provider> providers, String model) {
    for (Provider p : providers) {
      if (p.modelMatch() != null && p.modelMatch().matches(model)) {
        return p;
      }
    }
    return null;
  }

  private static Model modelWithFallback(List<Provider> providers, Provider provider,
      String model) {
    Model m = firstMatch(provider, model);
    if (m != null) {
      return m;
    }
    for (String fallbackId : provider.fallbackModelProviders()) {
      for (Provider p : providers) {
        if (p.id().equals(fallbackId)) {
          // One step only, like upstream: the fallback's own fallbacks are not followed.
          m = firstMatch(p, model);
          if (m != null) {
            return m;
          }
          break;
        }
      }
    }
    return null;
  }

  private static Model firstMatch(Provider provider, String model) {
    for (Model m : provider.models()) {
      if (m.match().matches(model)) {
        return m;
      }
    }
    return null;
  }
}
