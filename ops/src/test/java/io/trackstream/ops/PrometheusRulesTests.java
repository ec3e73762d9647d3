package io.trackstream.ops;

import io.trackstream.stack.DebianPackages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Prometheus's own checks of our configuration, with Debian's promtool (installed when missing). */
class PrometheusRulesTests {

    private static final Path PROMETHEUS = Path.of("prometheus");
    private static Path promtool;

    @BeforeAll
    static void promtool() {
        promtool = DebianPackages.ensure(Path.of("/usr/bin/promtool"), "prometheus");
    }

    @Test
    void theComposeConfigurationIsValid(@TempDir Path dir) throws IOException {
        // As compose mounts it: the config, its rules and the compose targets beside it.
        Files.copy(PROMETHEUS.resolve("prometheus.yml"), dir.resolve("prometheus.yml"));
        Files.copy(PROMETHEUS.resolve("alerts.yml"), dir.resolve("alerts.yml"));
        Path targets = Files.createDirectories(dir.resolve("targets"));
        try (var files = Files.list(PROMETHEUS.resolve("targets/compose"))) {
            for (Path file : files.toList()) {
                Files.copy(file, targets.resolve(file.getFileName()));
            }
        }

        Commands.Result check = Commands.run(dir, List.of(promtool.toString(), "check", "config", "prometheus.yml"));

        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS");
    }

    @Test
    void theAlertingRulesAreValid() {
        Commands.Result check = Commands.run(PROMETHEUS, List.of(promtool.toString(), "check", "rules", "alerts.yml"));

        assertThat(check.exitCode()).as(check.output()).isZero();
    }

    @Test
    void everyAlertPassesItsUnitTests() {
        Commands.Result test = Commands.run(PROMETHEUS, List.of(promtool.toString(), "test", "rules", "alerts-test.yml"));

        assertThat(test.exitCode()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS");
    }

    @Test
    void everyAlertHasAUnitTest() throws IOException {
        String rules = Files.readString(PROMETHEUS.resolve("alerts.yml"));
        String tests = Files.readString(PROMETHEUS.resolve("alerts-test.yml"));
        List<String> alerts = rules.lines().map(String::strip).filter(l -> l.startsWith("- alert: "))
                .map(l -> l.substring("- alert: ".length())).toList();

        assertThat(alerts).hasSize(5).allSatisfy(alert -> assertThat(tests).contains("alertname: " + alert));
    }
}
