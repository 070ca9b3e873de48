package io.aicosttracker.core.pricing;

/**
 * The cost of one event as priced by a {@link PriceCatalog}.
 *
 * @param providerId the catalog id of the provider the event resolved to
 * @param modelId    the catalog id of the model entry that priced the event
 *                   (may come from a fallback provider, e.g. azure -> openai)
 * @param costUsd    the cost in US dollars
 */
public record PriceQuote(String providerId, String modelId, double costUsd) {}
