package io.aicosttracker.core.format;

import io.aicosttracker.core.records.CostAggregate;
import java.time.Instant;

/** CSV rendering of hourly/daily aggregates, the format of {@code usage-hourly/} and {@code usage-daily/}. */
public final class AggregateCsv {
  public static final String HEADER =
      "window_start,project,provider,model,source,requests,input_tokens,output_tokens,"
          + "cache_read_tokens,cache_write_tokens,reasoning_tokens,cost_usd,unpriced_events";

  private AggregateCsv() {}

  /** One CSV row (no trailing newline). */
  public static String toRow(CostAggregate a) {
    StringBuilder b = new StringBuilder(160);
    b.append(Instant.ofEpochMilli(a.windowStart)).append(',');
    Csv.appendCell(b, a.project).append(',');
    Csv.appendCell(b, a.provider).append(',');
    Csv.appendCell(b, a.model).append(',');
    Csv.appendCell(b, a.source).append(',');
    b.append(a.requests).append(',');
    b.append(a.inputTokens).append(',');
    b.append(a.outputTokens).append(',');
    b.append(a.cacheReadTokens).append(',');
    b.append(a.cacheWriteTokens).append(',');
    b.append(a.reasoningTokens).append(',');
    b.append(a.costUsd).append(',');
    b.append(a.unpricedEvents);
    return b.toString();
  }
}
