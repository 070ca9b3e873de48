package io.aicosttracker.core.export;

import static io.aicosttracker.core.export.ColumnType.DOUBLE;
import static io.aicosttracker.core.export.ColumnType.LONG;
import static io.aicosttracker.core.export.ColumnType.STRING;
import static io.aicosttracker.core.export.ColumnType.TIMESTAMP;

import io.aicosttracker.core.records.CostAggregate;
import io.aicosttracker.core.records.PricedUsage;
import io.aicosttracker.core.records.UsageEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Export columns shaped after the FinOps Open Cost and Usage Specification (FOCUS 1.x), with
 * custom columns prefixed {@code x_}. The mapping is documented in {@code docs/exports.md}.
 *
 * <p>Decisions worth knowing: costs are USD ({@code BilledCost} = {@code EffectiveCost} = the
 * pipeline's cost); {@code ListCost} is the catalog price (null when no catalog price applied, and
 * for aggregates); a manual entry ({@code source=manual}, a person's record rather than a
 * provider's metered usage feed) has {@code ChargeCategory=Adjustment}, API usage
 * {@code ChargeCategory=Usage}; {@code ChargeClass} is always null because the pipeline never
 * emits corrections of earlier rows (a late event replaces its window's row instead).
 */
public final class FocusSchemas {
  public static final String CATEGORY_USAGE = "Usage";
  public static final String CATEGORY_ADJUSTMENT = "Adjustment";
  public static final String SERVICE_CATEGORY = "AI and Machine Learning";

  private FocusSchemas() {}

  /** One FOCUS row per priced event; the charge period is the event's instant. */
  public static ExportSchema<PricedUsage> pricedEvents() {
    ExportSchema.Builder<PricedUsage> b = ExportSchema.builder("focus_priced_event", e -> e.timestamp);
    b.required("BilledCost", DOUBLE, e -> e.costUsd)
        .required("EffectiveCost", DOUBLE, e -> e.costUsd)
        .optional("ListCost", DOUBLE, FocusSchemas::listCost)
        .required("BillingCurrency", STRING, e -> "USD")
        .required("BillingPeriodStart", TIMESTAMP, e -> monthStart(e.timestamp))
        .required("BillingPeriodEnd", TIMESTAMP, e -> nextMonthStart(e.timestamp))
        .required("ChargePeriodStart", TIMESTAMP, e -> e.timestamp)
        .required("ChargePeriodEnd", TIMESTAMP, e -> e.timestamp)
        .required("ChargeCategory", STRING, FocusSchemas::chargeCategory)
        .optional("ChargeClass", STRING, e -> null)
        .required("ChargeFrequency", STRING, e -> "Usage-Based")
        .required("ChargeDescription", STRING, FocusSchemas::description);
    common(b, e -> e.provider, e -> e.project, e -> e.model, e -> e.source);
    return b.required("ConsumedQuantity", LONG, e -> e.inputTokens + e.outputTokens)
        .required("ConsumedUnit", STRING, e -> "Tokens")
        .optional("SkuId", STRING, e -> e.priceModelId)
        .required("x_EventId", STRING, e -> e.eventId)
        .required("x_Source", STRING, e -> e.source)
        .optional("x_Team", STRING, e -> e.team)
        .optional("x_User", STRING, e -> e.user)
        .optional("x_Environment", STRING, e -> e.environment)
        .optional("x_Operation", STRING, e -> e.operation)
        .required("x_Requests", LONG, e -> e.requests)
        .required("x_InputTokens", LONG, e -> e.inputTokens)
        .required("x_OutputTokens", LONG, e -> e.outputTokens)
        .required("x_CacheReadTokens", LONG, e -> e.cacheReadTokens)
        .required("x_CacheWriteTokens", LONG, e -> e.cacheWriteTokens)
        .required("x_ReasoningTokens", LONG, e -> e.reasoningTokens)
        .required("x_CostBasis", STRING, e -> e.costBasis)
        .optional("x_ProviderReportedCost", DOUBLE, e -> e.reportedCostUsd)
        .optional("x_CatalogVersion", STRING, e -> e.catalogVersion)
        .optional("x_Tags", STRING, e -> e.tagsJson)
        .build();
  }

  /** One FOCUS row per hourly or daily aggregate; the charge period is the window. */
  public static ExportSchema<CostAggregate> aggregates(String granularity) {
    long size = CostAggregate.HOUR.equals(granularity) ? 3_600_000L : 86_400_000L;
    ExportSchema.Builder<CostAggregate> b = ExportSchema.builder("focus_usage_" + granularity, a -> a.windowStart);
    b.required("BilledCost", DOUBLE, a -> a.costUsd)
        .required("EffectiveCost", DOUBLE, a -> a.costUsd)
        .optional("ListCost", DOUBLE, a -> null)
        .required("BillingCurrency", STRING, a -> "USD")
        .required("BillingPeriodStart", TIMESTAMP, a -> monthStart(a.windowStart))
        .required("BillingPeriodEnd", TIMESTAMP, a -> nextMonthStart(a.windowStart))
        .required("ChargePeriodStart", TIMESTAMP, a -> a.windowStart)
        .required("ChargePeriodEnd", TIMESTAMP, a -> a.windowStart + size)
        .required("ChargeCategory", STRING, a -> chargeCategory(a.source))
        .optional("ChargeClass", STRING, a -> null)
        .required("ChargeFrequency", STRING, a -> "Usage-Based")
        .required("ChargeDescription", STRING, a -> a.provider + " " + a.model + " usage per " + granularity);
    common(b, a -> a.provider, a -> a.project, a -> a.model, a -> a.source);
    return b.required("ConsumedQuantity", LONG, a -> a.inputTokens + a.outputTokens)
        .required("ConsumedUnit", STRING, a -> "Tokens")
        .required("x_Source", STRING, a -> a.source)
        .required("x_Events", LONG, a -> a.events)
        .required("x_Requests", LONG, a -> a.requests)
        .required("x_InputTokens", LONG, a -> a.inputTokens)
        .required("x_OutputTokens", LONG, a -> a.outputTokens)
        .required("x_CacheReadTokens", LONG, a -> a.cacheReadTokens)
        .required("x_CacheWriteTokens", LONG, a -> a.cacheWriteTokens)
        .required("x_ReasoningTokens", LONG, a -> a.reasoningTokens)
        .required("x_UnpricedEvents", LONG, a -> a.unpricedEvents)
        .build();
  }

  /** Provider, project and model columns shared by both row kinds. */
  private static <T> void common(
      ExportSchema.Builder<T> b,
      ExportColumn.Getter<T> provider,
      ExportColumn.Getter<T> project,
      ExportColumn.Getter<T> model,
      ExportColumn.Getter<T> source) {
    b.required("ProviderName", STRING, provider)
        .required("PublisherName", STRING, provider)
        .required("InvoiceIssuerName", STRING, provider)
        .required("ServiceName", STRING, provider)
        .required("ServiceCategory", STRING, r -> SERVICE_CATEGORY)
        .required("SubAccountId", STRING, project)
        .required("SubAccountName", STRING, project)
        .required("ResourceId", STRING, model)
        .required("ResourceName", STRING, model)
        .required("ResourceType", STRING, r -> "Model");
  }

  static String chargeCategory(PricedUsage e) {
    return chargeCategory(e.source);
  }

  /** {@code Usage} for metered API usage, {@code Adjustment} for a manual entry. */
  public static String chargeCategory(String source) {
    return UsageEvent.SOURCE_MANUAL.equals(source) ? CATEGORY_ADJUSTMENT : CATEGORY_USAGE;
  }

  /** The list (catalog) price: the catalog cost when the provider reported its own, else the cost if catalog-priced. */
  static Double listCost(PricedUsage e) {
    if (e.catalogCostUsd != null) return e.catalogCostUsd;
    return PricedUsage.BASIS_CATALOG.equals(e.costBasis) ? e.costUsd : null;
  }

  private static String description(PricedUsage e) {
    return e.provider + " " + e.model + " " + (e.operation == null ? "chat" : e.operation);
  }

  static long monthStart(long millis) {
    LocalDate d = Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
    return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  static long nextMonthStart(long millis) {
    LocalDate d = Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1).plusMonths(1);
    return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }
}
