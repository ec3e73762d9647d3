package io.trackstream.cassandra;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a CQL script into statements: on {@code ;} outside string literals, with {@code --} and
 * {@code //} line comments dropped. Enough for schema scripts; no block comments.
 */
final class CqlScript {

    private CqlScript() {
    }

    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            if (inString) {
                current.append(c);
                if (c == '\'') {
                    // '' inside a literal is an escaped quote, not the end of the literal
                    if (i + 1 < script.length() && script.charAt(i + 1) == '\'') {
                        current.append(script.charAt(++i));
                    } else {
                        inString = false;
                    }
                }
            } else if (c == '\'') {
                inString = true;
                current.append(c);
            } else if (startsComment(script, i)) {
                while (i < script.length() && script.charAt(i) != '\n') {
                    i++;
                }
                current.append('\n');
            } else if (c == ';') {
                add(statements, current);
            } else {
                current.append(c);
            }
        }
        if (inString) {
            throw new IllegalArgumentException("unterminated string literal in CQL script");
        }
        add(statements, current);
        return statements;
    }

    private static boolean startsComment(String script, int i) {
        if (i + 1 >= script.length()) {
            return false;
        }
        char c = script.charAt(i);
        char next = script.charAt(i + 1);
        return (c == '-' && next == '-') || (c == '/' && next == '/');
    }

    private static void add(List<String> statements, StringBuilder current) {
        String statement = current.toString().strip();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        current.setLength(0);
    }
}
