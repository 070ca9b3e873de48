#!/usr/bin/env bash
# Submits the streaming job to the compose session cluster, once: when a job named $JOB_NAME is
# already running (a second `docker compose up`), it does nothing. The job's entry class and
# arguments are defined here and nowhere else in the compose stack.
set -euo pipefail
rest="${FLINK_REST:-http://jobmanager:8081}"
name="${JOB_NAME:-cost-tracker}"
conf=/opt/cost-tracker/conf/job

# one chunk per job object: its name and state come before any nested object
running=$(curl -fsS "$rest/jobs/overview" | tr '}' '\n' | grep -F "\"name\":\"$name\"" \
  | grep -E '"state":"(RUNNING|CREATED|INITIALIZING|RESTARTING)"' || true)
if [[ -n "$running" ]]; then
  echo "job '$name' already running on $rest; not submitting again"
  exit 0
fi

exec /opt/flink/bin/flink run -d -m "${rest#http://}" \
  -c io.aicosttracker.jobs.CostTrackerJob \
  /opt/flink/usrlib/ai-cost-tracker.jar \
  --config "$conf/cost-tracker.yaml" \
  --kafka kafka:9092 \
  --topic usage-events \
  --jdbc-url "jdbc:postgresql://postgres:5432/${POSTGRES_DB:-costtracker}" \
  --jdbc-user "${POSTGRES_USER:-costtracker}" \
  --jdbc-password-env POSTGRES_PASSWORD \
  --budgets "$conf/budgets.yaml" \
  --notifications "$conf/notifications.yaml"
