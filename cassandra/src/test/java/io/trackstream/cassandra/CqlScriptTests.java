package io.trackstream.cassandra;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CqlScriptTests {

    @Test
    void splitsOnSemicolonsOutsideStringLiterals() {
        String script = """
                -- a comment; with a semicolon
                CREATE TABLE a (x int PRIMARY KEY) WITH comment = 'one; two';
                // another comment
                CREATE TABLE b (y int PRIMARY KEY) WITH comment = 'it''s; fine';
                """;

        assertThat(CqlScript.statements(script)).containsExactly(
                "CREATE TABLE a (x int PRIMARY KEY) WITH comment = 'one; two'",
                "CREATE TABLE b (y int PRIMARY KEY) WITH comment = 'it''s; fine'");
    }

    @Test
    void keepsALastStatementWithoutSemicolon() {
        assertThat(CqlScript.statements("SELECT 1 FROM t")).containsExactly("SELECT 1 FROM t");
    }

    @Test
    void rejectsAnUnterminatedLiteral() {
        assertThatThrownBy(() -> CqlScript.statements("SELECT 'oops FROM t;"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unterminated");
    }
}
