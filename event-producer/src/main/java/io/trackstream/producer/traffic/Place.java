package io.trackstream.producer.traffic;

import java.util.List;

/**
 * A home town a simulated user can live in: the country (ISO 3166-1 alpha-2), a city, its IANA time
 * zone and its coordinates, which the impossible-travel fraud pattern uses to pick two places far
 * apart. A fixed table rather than Datafaker's addresses, so that city, country and zone always agree.
 */
record Place(String country, String city, String timezone, double latitude, double longitude) {

    static final List<Place> ALL = List.of(
            new Place("US", "New York", "America/New_York", 40.71, -74.01),
            new Place("US", "San Francisco", "America/Los_Angeles", 37.77, -122.42),
            new Place("CA", "Toronto", "America/Toronto", 43.65, -79.38),
            new Place("BR", "Sao Paulo", "America/Sao_Paulo", -23.55, -46.63),
            new Place("GB", "London", "Europe/London", 51.51, -0.13),
            new Place("DE", "Berlin", "Europe/Berlin", 52.52, 13.40),
            new Place("FR", "Paris", "Europe/Paris", 48.86, 2.35),
            new Place("ES", "Madrid", "Europe/Madrid", 40.42, -3.70),
            new Place("IN", "Bengaluru", "Asia/Kolkata", 12.97, 77.59),
            new Place("JP", "Tokyo", "Asia/Tokyo", 35.68, 139.69),
            new Place("SG", "Singapore", "Asia/Singapore", 1.35, 103.82),
            new Place("AU", "Sydney", "Australia/Sydney", -33.87, 151.21),
            new Place("ZA", "Cape Town", "Africa/Johannesburg", -33.92, 18.42));

    /** Great-circle distance in kilometres. */
    double distanceKm(Place other) {
        double lat1 = Math.toRadians(latitude);
        double lat2 = Math.toRadians(other.latitude);
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(other.longitude - longitude);
        double a = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6371 * Math.asin(Math.sqrt(a));
    }

    /** The place farthest from this one, for impossible travel. */
    Place farthest() {
        Place best = this;
        for (Place p : ALL) {
            if (distanceKm(p) > distanceKm(best)) {
                best = p;
            }
        }
        return best;
    }
}
