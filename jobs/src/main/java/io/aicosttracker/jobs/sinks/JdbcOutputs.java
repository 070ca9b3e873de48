package io.aicosttracker.jobs.sinks;

import io.aicosttracker.connectors.jdbc.JdbcSettings;
import io.aicosttracker.connectors.jdbc.JdbcSinks;
import io.aicosttracker.connectors.jdbc.UsageAggregateRow;
import io.aicosttracker.jobs.functions.AddCacheSavings;
import io.aicosttracker.jobs.pipeline.CatalogSpec;
import io.aicosttracker.jobs.pipeline.OutputAttachment;
import io.aicosttracker.jobs.pipeline.PipelineOutputs;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Upserts the hourly and daily aggregates into PostgreSQL {@code usage_hourly}/{@code usage_daily}
 * (with cache savings), for the batch and the streaming job alike.
 *
 * <p>Construct it on the client: {@link #checkReady()} fails fast when the database is down or
 * not migrated.
 */
public final class JdbcOutputs implements OutputAttachment {
  public static final List<String> TABLES = List.of("usage_hourly", "usage_daily");

  private final JdbcSettings settings;
  private final CatalogSpec catalog;

  public JdbcOutputs(JdbcSettings settings, CatalogSpec catalog) {
    this.settings = settings;
    this.catalog = catalog;
  }

  /** Connects once; throws with one line when the database is unreachable or lacks the tables. */
  public JdbcOutputs checkReady() {
    settings.checkReady(TABLES);
    return this;
  }

  @Override
  public void attach(PipelineOutputs outputs) {
    JdbcSinks sinks = new JdbcSinks(settings);
    DataStream<UsageAggregateRow> hourly = outputs.hourly().map(new AddCacheSavings(catalog)).uid("hourly-cache-savings").name("hourly cache savings");
    DataStream<UsageAggregateRow> daily = outputs.daily().map(new AddCacheSavings(catalog)).uid("daily-cache-savings").name("daily cache savings");
    sinks.usageHourly(hourly);
    sinks.usageDaily(daily);
  }
}
