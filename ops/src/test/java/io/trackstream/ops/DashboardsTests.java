package io.trackstream.ops;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboards import as they are: stable uids, every panel and query on the provisioned
 * datasource by its uid, no {@code ${DS_...}} inputs left from an export.
 */
class DashboardsTests {

    static final Path DASHBOARDS = Path.of("grafana", "dashboards");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static List<Path> dashboards() throws IOException {
        try (var files = Files.list(DASHBOARDS)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    static String provisionedDatasourceUid() throws IOException {
        JsonNode datasources = YAMLMapper.builder().build()
                .readTree(Path.of("grafana", "provisioning", "datasources", "prometheus.yml").toFile());
        return datasources.get("datasources").get(0).get("uid").asString();
    }

    @Test
    void everyPanelQueriesTheProvisionedDatasource() throws IOException {
        String uid = provisionedDatasourceUid();
        for (Path file : dashboards()) {
            JsonNode dashboard = JSON.readTree(file.toFile());
            assertThat(dashboard.get("panels")).as(file.toString()).isNotEmpty();
            for (JsonNode panel : dashboard.get("panels")) {
                String where = file.getFileName() + ": " + panel.get("title").asString();
                assertThat(panel.get("datasource").get("uid").asString()).as(where).isEqualTo(uid);
                assertThat(panel.get("targets")).as(where).isNotEmpty();
                for (JsonNode target : panel.get("targets")) {
                    assertThat(target.get("datasource").get("uid").asString()).as(where).isEqualTo(uid);
                    assertThat(target.get("expr").asString()).as(where).isNotBlank();
                }
            }
        }
    }

    @Test
    void haveStableUniqueUidsAndNoExportPlaceholders() throws IOException {
        Set<String> uids = new HashSet<>();
        for (Path file : dashboards()) {
            assertThat(Files.readString(file)).as(file.toString()).doesNotContain("${DS_").doesNotContain("__inputs");
            String uid = JSON.readTree(file.toFile()).get("uid").asString();
            assertThat(uid).as(file.toString()).startsWith("trackstream-");
            assertThat(uids.add(uid)).as("unique uid " + uid).isTrue();
        }
        assertThat(uids).containsExactlyInAnyOrder("trackstream-pipeline", "trackstream-business", "trackstream-fraud");
    }
}
