package io.trackstream.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IpLiteralsTests {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0.0.0.0", "127.0.0.1", "255.255.255.255", "10.0.0.10", "1.0.10.100", "199.209.249.250", "::", "::1", "1::",
            "2001:db8::1", "2001:DB8:0:0:8:800:200C:417A", "fe80::1:2:3:4:5:6", "1:2:3:4:5:6:7::",
            "::ffff:192.0.2.128", "64:ff9b::192.0.2.33", "1:2:3:4:5:6:1.2.3.4"})
    void acceptsAddressLiterals(String text) {
        assertThat(IpLiterals.isValid(text)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "localhost", "example.com", "cafe", "1234", "1.2.3", "1.2.3.4.5", "256.0.0.1",
            "01.2.3.4", "00.1.2.3", "192.168.001.1", "1.2.3.0400", "1.2.3.999", "1.2.3.4.", ".1.2.3.4",
            "1.2.3.4 ", "1.2.3.a", "1.2.3.-4", "1..3.4", " 1.2.3.4", "١.٢.٣.٤", ":::", "1::2::3", "1:2:3:4:5:6:7:8:9",
            "1:2:3:4:5:6:7:8::", "1:2:3:4:5:6:7", "12345::", "g::1", "fe80::1%eth0", "[::1]",
            "::ffff:256.1.1.1", "1:2:3:4:5:6:7:1.2.3.4", ":1.2.3.4", "::1.2.3", "٣::", "010.0.0.1"})
    void rejectsEverythingElseWithoutALookup(String text) {
        assertThat(IpLiterals.isValid(text)).isFalse();
        assertThat(IpLiterals.parse(text)).isNull();
    }

    @Test
    void refusesNullAndOverlongText() {
        assertThat(IpLiterals.isValid(null)).isFalse();
        assertThat(IpLiterals.isValid("0000:0000:0000:0000:0000:0000:255.255.255.255")).isTrue();
        assertThat(IpLiterals.isValid("00000:0000:0000:0000:0000:0000:255.255.255.255")).isFalse();
    }

    @Test
    void parsesALiteralToItsAddress() {
        assertThat(IpLiterals.parse("10.0.0.1").getHostAddress()).isEqualTo("10.0.0.1");
        assertThat(IpLiterals.parse("2001:DB8::1").getHostAddress()).isEqualTo("2001:db8:0:0:0:0:0:1");
    }
}
