package io.trackstream.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code properties} object of an event: the keys the pipeline understands, typed, plus every
 * other key the client sent, kept verbatim in {@code extra} so nothing a client sends is lost. On
 * the wire both are one object: the extra keys are merged back in after the known ones.
 *
 * <p>Invariant: {@code extra} is null or the compact JSON text of a non-empty object none of whose
 * keys is a known property name.
 *
 * @param productId a product id; a client's integer id is kept as its decimal string
 * @param productName at most 256 characters
 * @param price a finite amount >= 0, scale kept as sent
 * @param category at most 128 characters
 * @param searchQuery at most 512 characters
 * @param cartValue a finite amount >= 0, scale kept as sent
 * @param currency an ISO 4217 code, e.g. {@code EUR}
 * @param quantity at least 1
 * @param extra the other properties as compact JSON object text, or null
 */
public record EventProperties(
        String productId,
        String productName,
        BigDecimal price,
        String category,
        String searchQuery,
        BigDecimal cartValue,
        String currency,
        Integer quantity,
        @JsonIgnore String extra) {

    // Jackson writes these entries as if they were properties of this object, which is what merges
    // the unknown keys back into the one "properties" object.
    @JsonAnyGetter
    Map<String, JsonNode> extraProperties() {
        if (extra == null) {
            return Map.of();
        }
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        EventJson.readObject(extra).properties().forEach(e -> entries.put(e.getKey(), e.getValue()));
        return entries;
    }
}
