package io.trackstream.stack;

import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ServerRuntimeTests {

    @Test
    void theBrokerIsTheKafkaVersionOfTheClients() {
        assertThat(jarNames("kafka")).contains("kafka_2.13-" + AppInfoParser.getVersion() + ".jar");
    }

    @Test
    void theBrokerHasALoggingBinding() {
        assertThat(jarNames("kafka")).anyMatch(name -> name.startsWith("log4j-slf4j2-impl-"));
    }

    @Test
    void cassandraIsResolvedWithItsOwnDependencyVersions() {
        List<String> jars = jarNames("cassandra");

        assertThat(jars).anyMatch(name -> name.startsWith("cassandra-all-5.0."));
        assertThat(Arrays.stream(ServerClasspath.of("cassandra").split(File.pathSeparator)).map(Path::of)).allMatch(Files::exists);
    }

    @Test
    void parsesAServiceLine() {
        ServiceSpec spec = ServiceSpec.parse("ingest-api  ingest-api/target/ingest-api.jar  256m  8080  --trackstream.x=1");

        assertThat(spec.name()).isEqualTo("ingest-api");
        assertThat(spec.httpPort()).hasValue(8080);
        assertThat(spec.args()).containsExactly("--trackstream.x=1");
        assertThat(ServiceSpec.parse("producer p.jar 128m -").httpPort()).isEmpty();
    }

    private static List<String> jarNames(String server) {
        return Arrays.stream(ServerClasspath.of(server).split(File.pathSeparator))
                .map(p -> Path.of(p).getFileName().toString())
                .toList();
    }
}
