package io.trackstream.ingest.access;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class BasicAuthTests {

    private static String encode(String credentials) {
        return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheUserNameWithOrWithoutAPassword() {
        assertThat(BasicAuth.userName("Basic " + encode("write-key:"))).isEqualTo("write-key");
        assertThat(BasicAuth.userName("basic " + encode("write-key:secret"))).isEqualTo("write-key");
        assertThat(BasicAuth.userName("Basic " + encode("write-key"))).isEqualTo("write-key");
    }

    @Test
    void givesNothingForAnythingElse() {
        assertThat(BasicAuth.userName(null)).isNull();
        assertThat(BasicAuth.userName("Bearer abc")).isNull();
        assertThat(BasicAuth.userName("Basic ")).isNull();
        assertThat(BasicAuth.userName("Basic not*base64")).isNull();
        assertThat(BasicAuth.userName("Basic " + encode(":password"))).isNull();
    }
}
