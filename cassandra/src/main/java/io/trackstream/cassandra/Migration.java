package io.trackstream.cassandra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned CQL script of {@code cassandra/migrations/}, in the order of its {@code MIGRATIONS}
 * index (a classpath folder cannot be listed portably, an index can). Scripts name tables as
 * {@code ${keyspace}.table}, so the same script serves any keyspace.
 */
record Migration(int version, String name, String text) {

    private static final String FOLDER = "cassandra/migrations/";
    private static final Pattern NAME = Pattern.compile("V(\\d{3})__[a-z0-9_]+\\.cql");

    static List<Migration> loadAll() {
        List<String> names = read(FOLDER + "MIGRATIONS").lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        List<Migration> migrations = names.stream().map(Migration::load).toList();
        // Strictly increasing, gaps allowed: services developed side by side each reserve their number
        // (V002 analytics, V003 fraud, ...), and a branch must run without the others' migrations.
        for (int i = 1; i < migrations.size(); i++) {
            if (migrations.get(i).version() <= migrations.get(i - 1).version()) {
                throw new IllegalStateException("migrations must be listed in increasing version order; found "
                        + migrations.get(i).name() + " after " + migrations.get(i - 1).name());
            }
        }
        return migrations;
    }

    static Migration load(String name) {
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            throw new IllegalStateException("migration file name must look like V001__what_it_does.cql: " + name);
        }
        return new Migration(Integer.parseInt(matcher.group(1)), name, read(FOLDER + name));
    }

    List<String> statements(String keyspace) {
        return CqlScript.statements(text.replace("${keyspace}", keyspace));
    }

    String checksum() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = Migration.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
