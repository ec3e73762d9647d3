package io.trackstream.model;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Properties kept as their own JSON text (a store's column) read back equal, unknown keys and exact numbers included. */
class PropertiesTextTests {

    @Test
    void propertiesRoundTripThroughTheirJsonText() {
        EventCodec.Decoded decoded = Samples.decodeWith("properties",
                "{\"product_id\":\"P-1\",\"price\":19.90,\"currency\":\"EUR\",\"quantity\":2,"
                        + "\"color\":\"red\",\"dims\":{\"w\":1.50,\"h\":[1,2e3]},\"note\":\"caf\\u00e9 \\uD83D\\uDE00\"}");
        assertThat(decoded.isValid()).as("%s", decoded.violations()).isTrue();
        EventProperties properties = decoded.event().properties();

        String text = Samples.CODEC.encodeProperties(properties);
        EventProperties back = Samples.CODEC.decodeProperties(text);

        assertThat(back).isEqualTo(properties);
        assertThat(back.price()).hasToString("19.90");
        assertThat(Samples.CODEC.encodeProperties(back)).isEqualTo(text);
    }

    @Test
    void theBytesAreTheTextInUtf8() {
        EventCodec.Decoded decoded = Samples.decodeWith("properties",
                "{\"product_name\":\"Grüße 東京 \\uD83D\\uDE00\",\"price\":1.0,\"size\":\"M\"}");
        assertThat(decoded.isValid()).as("%s", decoded.violations()).isTrue();
        EventProperties properties = decoded.event().properties();

        byte[] bytes = Samples.CODEC.encodePropertiesUtf8(properties);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(Samples.CODEC.encodeProperties(properties))
                .contains("Grüße 東京 \uD83D\uDE00").contains("\"size\":\"M\"");
    }

    @Test
    void textThatIsNotAPropertiesObjectIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Samples.CODEC.decodeProperties("{\"price\":\"free\""));
        assertThatIllegalArgumentException().isThrownBy(() -> Samples.CODEC.decodeProperties("{\"price\":\"free\"}"))
                .withMessageContaining("properties.price");
    }
}
