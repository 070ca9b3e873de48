-- Sample data for every table, the last 100 days up to now, so each dashboard panel has rows.
-- Deterministic apart from now(): values come from hashes of the keys. Load into a migrated
-- database: psql -v ON_ERROR_STOP=1 -f sample-data.sql
INSERT INTO usage_hourly (window_start, project, provider, model, source, events, requests, input_tokens, output_tokens,
  cache_read_tokens, cache_write_tokens, reasoning_tokens, cost_usd, cache_savings_usd, unpriced_events, first_event_time, last_event_time)
SELECT h, p, m.provider, m.model, s,
       r.req, r.req, r.req * 1500, r.req * 300, r.req * 600, r.req * 50, r.req * 20,
       r.req * m.usd_per_request, CASE WHEN m.model = 'in-house-llm' THEN NULL ELSE r.req * m.usd_per_request * 0.3 END,
       CASE WHEN m.model = 'in-house-llm' THEN r.req ELSE 0 END,
       h + interval '1 minute', h + interval '59 minutes'
FROM generate_series(date_trunc('hour', now()) - interval '100 days', date_trunc('hour', now()), interval '1 hour') AS h
CROSS JOIN (VALUES ('search'), ('chat'), ('support')) AS pr(p)
CROSS JOIN (VALUES ('openai', 'gpt-4o', 0.004), ('anthropic', 'claude-sonnet-4', 0.006), ('google', 'gemini-2.5-flash', 0.0008),
                   ('selfhosted', 'in-house-llm', 0.0)) AS m(provider, model, usd_per_request)
CROSS JOIN (VALUES ('api'), ('manual')) AS src(s)
CROSS JOIN LATERAL (SELECT 1 + abs(hashtext(h::text || p || m.model || s)) % 40 AS req) AS r
WHERE s = 'api' OR extract(hour FROM h) = 9;

INSERT INTO usage_daily (window_start, project, provider, model, source, events, requests, input_tokens, output_tokens,
  cache_read_tokens, cache_write_tokens, reasoning_tokens, cost_usd, cache_savings_usd, unpriced_events, first_event_time, last_event_time)
SELECT date_trunc('day', window_start AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', project, provider, model, source,
       sum(events), sum(requests), sum(input_tokens), sum(output_tokens), sum(cache_read_tokens), sum(cache_write_tokens),
       sum(reasoning_tokens), sum(cost_usd), sum(cache_savings_usd), sum(unpriced_events), min(first_event_time), max(last_event_time)
FROM usage_hourly GROUP BY 1, 2, 3, 4, 5;

INSERT INTO dead_letter_counts (bucket_start, origin, reason, count)
SELECT h, 'usage-events', reason, 1 + abs(hashtext(h::text || reason)) % 5
FROM generate_series(date_trunc('hour', now()) - interval '30 days', date_trunc('hour', now()), interval '6 hours') AS h
CROSS JOIN (VALUES ('invalid_json'), ('missing_field'), ('late')) AS r(reason);

INSERT INTO budgets (budget_id, name, scope, project, amount_usd, period, reset_day, time_zone, channels)
VALUES ('all-monthly', 'All usage, monthly', 'all', NULL, 5000, 'monthly', 1, 'Europe/Berlin', '{slack-finops,email-finops}'),
       ('search-daily', 'Search, daily', 'project=search', 'search', 40, 'daily', NULL, 'UTC', '{slack-finops}');

-- hourly status of the current and the previous month's period of each budget
INSERT INTO budget_status (budget_id, period_start, period_end, as_of, spend_usd, amount_usd, percent_used,
  burn_rate_usd_per_hour, projected_spend_usd, exhaustion_time, state)
SELECT b.budget_id, ps, pe, t, spend, b.amount_usd, 100 * spend / b.amount_usd,
       spend / greatest(extract(epoch FROM t - ps) / 3600, 1),
       spend / greatest(extract(epoch FROM t - ps), 3600) * extract(epoch FROM pe - ps),
       NULL, CASE WHEN spend >= b.amount_usd THEN 'ALERT' WHEN spend >= 0.8 * b.amount_usd THEN 'WARN' ELSE 'OK' END
FROM budgets b
CROSS JOIN LATERAL generate_series(date_trunc('hour', now()) - interval '40 days', date_trunc('hour', now()), interval '1 hour') AS t
CROSS JOIN LATERAL (SELECT CASE WHEN b.period = 'daily' THEN date_trunc('day', t) ELSE date_trunc('month', t) END AS ps) AS a
CROSS JOIN LATERAL (SELECT ps + CASE WHEN b.period = 'daily' THEN interval '1 day' ELSE interval '1 month' END AS pe) AS e
CROSS JOIN LATERAL (SELECT coalesce(sum(u.cost_usd), 0) AS spend FROM usage_hourly u
                    WHERE u.window_start >= ps AND u.window_start <= t AND (b.project IS NULL OR u.project = b.project)) AS sp;

INSERT INTO alerts (alert_id, kind, severity, state, budget_id, scope, project, provider, model, period_start, period_end,
  observed_value, threshold_value, percent_used, projected_spend, message, event_time, resolved_time)
SELECT 'budget:' || g, 'BUDGET_THRESHOLD', CASE WHEN g % 3 = 0 THEN 'critical' ELSE 'warning' END,
       CASE WHEN g % 4 = 0 THEN 'RESOLVED' ELSE 'ALERT' END, 'search-daily', 'project=search', 'search', NULL, NULL,
       date_trunc('day', now()) - g * interval '1 day', date_trunc('day', now()) - (g - 1) * interval '1 day',
       35 + g, 32, 80 + g, 45, 'Search, daily: 80 % of $40 used', now() - g * interval '1 day',
       CASE WHEN g % 4 = 0 THEN now() - g * interval '1 day' + interval '3 hours' END
FROM generate_series(1, 20) AS g;

INSERT INTO anomalies (anomaly_id, project, provider, model, granularity, window_start, window_end, observed_usd, expected_usd,
  score, dollar_impact, severity, top_contributors, message, detected_at)
SELECT 'anomaly:' || g, 'chat', 'openai', 'gpt-4o', 'hour', date_trunc('hour', now()) - g * interval '29 hours',
       date_trunc('hour', now()) - g * interval '29 hours' + interval '1 hour', 12.5 + g, 2.5, 3.2 + g * 0.4, 10 + g, 'warning',
       '[{"key":"user=alice","share":0.8}]', 'Cost spike on chat/gpt-4o', date_trunc('hour', now()) - g * interval '29 hours' + interval '1 hour'
FROM generate_series(1, 15) AS g;

INSERT INTO alerts (alert_id, kind, severity, state, scope, project, provider, model, period_start, period_end, observed_value,
  expected_value, score, dollar_impact, top_contributors, message, event_time)
SELECT anomaly_id, 'COST_ANOMALY', severity, 'ALERT', 'project=chat', project, provider, model, window_start, window_end,
       observed_usd, expected_usd, score, dollar_impact, top_contributors, message, detected_at
FROM anomalies;

INSERT INTO forecasts (scope, issued_for, target_day, expected_usd, lower80_usd, upper80_usd, lower95_usd, upper95_usd, model_name, backtest_mape, status)
SELECT sc, current_date - 1, current_date - 1 + d, 100 + d, 90 + d, 110 + d, 80 + d, 120 + d, 'ols-trend-dow', 0.08, 'ok'
FROM generate_series(1, 90) AS d CROSS JOIN (VALUES ('all'), ('project=search')) AS s(sc);

INSERT INTO forecast_horizons (scope, issued_for, horizon_days, expected_usd, lower80_usd, upper80_usd, lower95_usd, upper95_usd, model_name, backtest_mape, history_days, status)
SELECT sc, current_date - 1, h, 100 * h, 90 * h, 110 * h, 85 * h, 115 * h, 'ols_trend_dow', 0.08, 100, 'ok'
FROM (VALUES (30), (60), (90)) AS hs(h) CROSS JOIN (VALUES ('all'), ('project=search')) AS s(sc);

INSERT INTO notification_deliveries (alert_id, channel, channel_type, status, attempts, http_status, latency_ms, error, sent_at)
SELECT a.alert_id, c.channel, c.channel_type,
       CASE WHEN abs(hashtext(a.alert_id || c.channel)) % 10 = 0 THEN 'failed' ELSE 'sent' END,
       1 + abs(hashtext(a.alert_id)) % 3, CASE WHEN abs(hashtext(a.alert_id || c.channel)) % 10 = 0 THEN 500 ELSE 200 END,
       50 + abs(hashtext(a.alert_id || c.channel)) % 900,
       CASE WHEN abs(hashtext(a.alert_id || c.channel)) % 10 = 0 THEN 'HTTP 500 from receiver' END,
       a.event_time + interval '2 seconds'
FROM alerts a CROSS JOIN (VALUES ('slack-finops', 'slack'), ('email-finops', 'email'), ('webhook-ops', 'webhook')) AS c(channel, channel_type);

-- make sure every dashboard has a failed delivery to show
UPDATE notification_deliveries SET status = 'dead_letter', error = 'gave up after 3 attempts', http_status = 503
WHERE (alert_id, channel) IN (SELECT alert_id, 'webhook-ops' FROM alerts ORDER BY event_time DESC LIMIT 1);
