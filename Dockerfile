# syntax=docker/dockerfile:1
# One Dockerfile for every deployable of the reactor (docker-compose.yml picks the target):
#   service   a Spring Boot service on a JRE 17 (build arg MODULE = its module folder)
#   setup     the one-shot that creates the topics and applies the Cassandra migrations
#   jmx-agent the Prometheus JMX exporter agent for Kafka and Cassandra

FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# Tests run in the repository's own test command, not in an image build.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -ntp -q -DskipTests package \
 && mvn -B -ntp -q -pl local-stack/launcher dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=/setup/lib \
 && cp local-stack/launcher/target/classes -r /setup/classes \
 && mvn -B -ntp -q dependency:copy -Dartifact=io.prometheus.jmx:jmx_prometheus_javaagent:1.0.1 -DoutputDirectory=/agents \
 && mv /agents/jmx_prometheus_javaagent-1.0.1.jar /agents/jmx_prometheus_javaagent.jar

FROM eclipse-temurin:17.0.15_6-jre AS runtime
# curl answers the compose healthchecks.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home-dir /app --shell /usr/sbin/nologin trackstream && mkdir -p /data && chown trackstream /data
USER trackstream
WORKDIR /app

FROM runtime AS service
ARG MODULE
COPY --from=build /src/${MODULE}/target/${MODULE}.jar /app/app.jar
# JVM options come from JAVA_TOOL_OPTIONS (docker-compose.yml): the heap, and G1's fixed marking
# threshold the README recommends.
ENTRYPOINT ["java", "-jar", "/app/app.jar"]

FROM runtime AS setup
COPY --from=build /setup /app
ENTRYPOINT ["java", "-Xmx256m", "-cp", "/app/classes:/app/lib/*", "io.trackstream.stack.LocalStackMain", "--prepare-only"]

FROM busybox:1.36.1 AS jmx-agent
COPY --from=build /agents /agents
