-- Hourly and daily usage aggregates, written by the jobs' JDBC sinks (JdbcOutputs).
--
-- One row per (window_start, project, provider, model, source). The sinks upsert on that
-- primary key and REPLACE every value: a window result is the full value of the window, so a
-- replay, a restart or a corrected late window leaves exactly the row a clean run leaves.
-- window_start is the UTC start of the hour (usage_hourly) or of the UTC day (usage_daily).
--
-- cache_savings_usd: dollars saved by prompt caching against uncached prices, computed by the
-- job per window from the price catalog (what the input would have cost with every cache-read
-- and cache-write token billed as plain input, minus what it cost). Net of cache-write premiums,
-- so it can be negative; NULL when the model is not in the catalog.
CREATE TABLE usage_hourly (
  window_start        timestamptz    NOT NULL,
  project             text           NOT NULL,
  provider            text           NOT NULL,
  model               text           NOT NULL,
  source              text           NOT NULL,
  events              bigint         NOT NULL,
  requests            bigint         NOT NULL,
  input_tokens        bigint         NOT NULL,
  output_tokens       bigint         NOT NULL,
  cache_read_tokens   bigint         NOT NULL,
  cache_write_tokens  bigint         NOT NULL,
  reasoning_tokens    bigint         NOT NULL,
  cost_usd            numeric(20, 10) NOT NULL,
  cache_savings_usd   numeric(20, 10),
  unpriced_events     bigint         NOT NULL,
  first_event_time    timestamptz,
  last_event_time     timestamptz,
  updated_at          timestamptz    NOT NULL DEFAULT now(),
  PRIMARY KEY (window_start, project, provider, model, source)
);

-- dashboards filter a time range first, then by project or model
CREATE INDEX usage_hourly_project_time ON usage_hourly (project, window_start);
CREATE INDEX usage_hourly_model_time ON usage_hourly (model, window_start);

COMMENT ON TABLE usage_hourly IS 'Usage and cost per UTC hour and (project, provider, model, source); upserted, never added to';
COMMENT ON COLUMN usage_hourly.source IS 'api (a provider usage API) or manual (a person''s entry)';
COMMENT ON COLUMN usage_hourly.cache_savings_usd IS 'Input cost at uncached prices minus actual input cost (net of cache-write premiums); NULL when unpriced';
COMMENT ON COLUMN usage_hourly.unpriced_events IS 'Events with no provider cost and no catalog price (counted at $0, never hidden)';

CREATE TABLE usage_daily (LIKE usage_hourly INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING COMMENTS);
ALTER TABLE usage_daily ADD PRIMARY KEY (window_start, project, provider, model, source);
CREATE INDEX usage_daily_project_time ON usage_daily (project, window_start);
CREATE INDEX usage_daily_model_time ON usage_daily (model, window_start);
COMMENT ON TABLE usage_daily IS 'Usage and cost per UTC day and (project, provider, model, source); upserted, never added to';

-- Dead letters counted per hour, origin and reason (the records themselves stay in files/topics).
CREATE TABLE dead_letter_counts (
  bucket_start  timestamptz NOT NULL,
  origin        text        NOT NULL,
  reason        text        NOT NULL,
  count         bigint      NOT NULL,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (bucket_start, origin, reason)
);
COMMENT ON TABLE dead_letter_counts IS 'Rejected records per hour bucket, origin (file or topic) and reason category; upserted';
