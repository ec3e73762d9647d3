package io.trackstream.cassandra;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationTests {

    @Test
    void everyScriptInTheFolderIsListedInTheIndexInVersionOrder() throws IOException {
        List<String> onDisk;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/cassandra/migrations"))) {
            onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cql")).sorted().toList();
        }

        assertThat(Migration.loadAll()).extracting(Migration::name).containsExactlyElementsOf(onDisk);
    }

    @Test
    void substitutesTheKeyspaceIntoEveryStatement() {
        List<String> statements = Migration.loadAll().get(0).statements("ks_test");

        assertThat(statements).isNotEmpty().allSatisfy(s -> assertThat(s).contains("ks_test.").doesNotContain("${keyspace}"));
    }

    @Test
    void refusesAFileNameWithoutVersion() {
        assertThatThrownBy(() -> Migration.load("user_events.cql")).hasMessageContaining("V001__");
    }

    @Test
    void checksumChangesWithTheText() {
        Migration a = new Migration(1, "V001__a.cql", "CREATE TABLE x (a int PRIMARY KEY)");
        Migration b = new Migration(1, "V001__a.cql", "CREATE TABLE x (a text PRIMARY KEY)");

        assertThat(a.checksum()).hasSize(64).isNotEqualTo(b.checksum());
    }
}
