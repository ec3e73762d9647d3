package io.trackstream.model;

/**
 * Where the client was, as it reported it. Every component is optional.
 *
 * @param country an ISO 3166-1 alpha-2 code, e.g. {@code DE}
 * @param city free text, at most 128 characters
 * @param timezone a {@link java.time.ZoneId} id, e.g. {@code Europe/Berlin}
 */
public record Location(String country, String city, String timezone) {
}
