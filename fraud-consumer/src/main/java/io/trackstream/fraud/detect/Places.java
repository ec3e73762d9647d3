package io.trackstream.fraud.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where an event's {@code location} is on the globe, from the bundled GeoNames extracts
 * ({@code geo/cities.csv}, {@code geo/countries.csv}, CC BY 4.0, see {@code geo/README.md}): the
 * city's centre when the city is known, else the centroid of the country's populated places. Names
 * match without case and accents ({@code Sao Paulo} is {@code São Paulo}).
 */
final class Places {

    /** A point, and whether it is only the country's centroid. */
    record Point(double latitude, double longitude, boolean countryOnly) {

        /** Great-circle distance in kilometres (haversine, mean Earth radius). */
        double distanceKm(Point other) {
            double lat1 = Math.toRadians(latitude);
            double lat2 = Math.toRadians(other.latitude);
            double dLat = lat2 - lat1;
            double dLon = Math.toRadians(other.longitude - longitude);
            double a = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
            return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
        }
    }

    private final Map<String, Point> cities;
    private final Map<String, Point> countries;

    private Places(Map<String, Point> cities, Map<String, Point> countries) {
        this.cities = cities;
        this.countries = countries;
    }

    static Places bundled() {
        Map<String, Point> cities = new HashMap<>();
        read("geo/cities.csv", cols -> cities.put(key(cols[0], cols[1]), point(cols[2], cols[3], false)));
        Map<String, Point> countries = new HashMap<>();
        read("geo/countries.csv", cols -> countries.put(cols[0].toUpperCase(Locale.ROOT), point(cols[1], cols[2], true)));
        return new Places(cities, countries);
    }

    /** The point of a country and city; the country's centroid when the city is unknown; empty when neither is. */
    Optional<Point> locate(String country, String city) {
        if (country == null || country.isBlank()) {
            return Optional.empty();
        }
        Point c = city == null ? null : cities.get(key(country, city));
        return Optional.ofNullable(c != null ? c : countries.get(country.toUpperCase(Locale.ROOT)));
    }

    private static String key(String country, String city) {
        String plain = Normalizer.normalize(city.replace("\"", "").trim(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return country.toUpperCase(Locale.ROOT) + "|" + plain.toLowerCase(Locale.ROOT);
    }

    private static Point point(String lat, String lon, boolean countryOnly) {
        return new Point(Double.parseDouble(lat), Double.parseDouble(lon), countryOnly);
    }

    private static void read(String resource, java.util.function.Consumer<String[]> row) {
        try (InputStream in = Places.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // header
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    row.accept(splitCsv(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // The files quote only city names, which may hold a comma ("Washington, D.C.").
    private static String[] splitCsv(String line) {
        java.util.List<String> cols = new java.util.ArrayList<>();
        StringBuilder col = new StringBuilder();
        boolean quoted = false;
        for (char ch : line.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                cols.add(col.toString());
                col.setLength(0);
            } else {
                col.append(ch);
            }
        }
        cols.add(col.toString());
        return cols.toArray(String[]::new);
    }
}
