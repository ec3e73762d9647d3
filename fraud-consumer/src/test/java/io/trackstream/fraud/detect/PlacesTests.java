package io.trackstream.fraud.detect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The bundled GeoNames extract knows every city the simulator uses, and falls back to the country's centroid. */
class PlacesTests {

    private final Places places = Places.bundled();

    @ParameterizedTest
    @CsvSource({"US,New York,40.71,-74.01", "US,San Francisco,37.77,-122.42", "CA,Toronto,43.65,-79.38",
            "BR,Sao Paulo,-23.55,-46.63", "GB,London,51.51,-0.13", "DE,Berlin,52.52,13.40", "FR,Paris,48.86,2.35",
            "ES,Madrid,40.42,-3.70", "IN,Bengaluru,12.97,77.59", "JP,Tokyo,35.68,139.69", "SG,Singapore,1.35,103.82",
            "AU,Sydney,-33.87,151.21", "ZA,Cape Town,-33.92,18.42"})
    void knowsEverySimulatorCity(String country, String city, double latitude, double longitude) {
        Places.Point point = places.locate(country, city).orElseThrow();

        assertThat(point.countryOnly()).isFalse();
        assertThat(point.latitude()).isCloseTo(latitude, within(0.1));
        assertThat(point.longitude()).isCloseTo(longitude, within(0.1));
    }

    @Test
    void matchesNamesWithoutCaseOrAccents() {
        assertThat(places.locate("br", "SÃO PAULO")).isEqualTo(places.locate("BR", "Sao Paulo"));
    }

    @Test
    void usesTheCountrysCentroidForAnUnknownCityAndNothingWithoutACountry() {
        assertThat(places.locate("DE", "Kleinkleckersdorf").orElseThrow().countryOnly()).isTrue();
        assertThat(places.locate("DE", null).orElseThrow().countryOnly()).isTrue();
        assertThat(places.locate(null, "Berlin")).isEmpty();
        assertThat(places.locate("AQ", null)).isEmpty();
    }

    @Test
    void measuresNewYorkToLondonAsAbout5570Km() {
        double km = places.locate("US", "New York").orElseThrow().distanceKm(places.locate("GB", "London").orElseThrow());

        assertThat(km).isCloseTo(5570, within(30.0));
    }
}
