# syntax=docker/dockerfile:1
# The AI Cost Tracker job image: the official Flink 2.2 image (Java 17) plus the shaded job jar,
# the S3 file-system plugin (checkpoints, savepoints, outputs, exports on s3://) and a
# `cost-tracker` command for one-shot tasks (db migrate, generate, export).
# Used by docker-compose.yml, deploy-k8s/ (FlinkDeployment, migrations Job) and CI.
#
#   docker build -t ai-cost-tracker:dev .
#
# Stage 1 builds the jar with Maven, so `docker compose up --build` needs nothing but Docker.
FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 mvn -B -ntp -q -DskipTests package \
 && test -f jobs/target/ai-cost-tracker.jar

FROM flink:2.2.1-java17
ARG FLINK_VERSION=2.2.1
# The s3 plugin ships in opt/; Flink only loads plugins from plugins/<name>/ (own class loader,
# never lib/: it bundles unrelocated Hadoop, Guava and Jackson). The Prometheus reporter is in
# plugins/metrics-prometheus/ already; fail the build if either is missing from the base image.
RUN set -eux; \
    mkdir -p /opt/flink/plugins/s3-fs-hadoop; \
    cp /opt/flink/opt/flink-s3-fs-hadoop-${FLINK_VERSION}.jar /opt/flink/plugins/s3-fs-hadoop/; \
    ls /opt/flink/plugins/metrics-prometheus/flink-metrics-prometheus-${FLINK_VERSION}.jar; \
    command -v curl >/dev/null || { apt-get update; apt-get install -y --no-install-recommends curl; rm -rf /var/lib/apt/lists/*; }; \
    mkdir -p /opt/flink/usrlib /opt/cost-tracker/conf; \
    chown -R flink:flink /opt/flink/plugins/s3-fs-hadoop /opt/flink/usrlib /opt/cost-tracker
COPY --from=build --chown=flink:flink /src/jobs/target/ai-cost-tracker.jar /opt/flink/usrlib/ai-cost-tracker.jar
COPY --chown=flink:flink docker/cost-tracker /usr/local/bin/cost-tracker
COPY --chown=flink:flink docker/log4j2-cli.properties /opt/cost-tracker/conf/log4j2-cli.properties
RUN chmod 0755 /usr/local/bin/cost-tracker
ENV FLINK_PLUGINS_DIR=/opt/flink/plugins
# the entrypoint (jobmanager | taskmanager | any command) comes from the base image
