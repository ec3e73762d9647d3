package io.trackstream.ingest.intake;

import io.trackstream.ingest.ClientAddresses;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** X-Forwarded-For is believed only from trusted proxies, and addresses are anonymised as promised. */
class ClientAddressesTests {

    private final ClientAddresses behindProxy = new ClientAddresses(List.of("10.0.0.0/8", "192.0.2.1"));

    @Test
    void ignoresForwardedForWhenNoProxyIsTrusted() {
        assertThat(new ClientAddresses(List.of()).resolve("203.0.113.5", "198.51.100.1")).isEqualTo("203.0.113.5");
    }

    @Test
    void ignoresForwardedForFromAnUntrustedPeer() {
        assertThat(behindProxy.resolve("203.0.113.5", "198.51.100.1")).isEqualTo("203.0.113.5");
    }

    @Test
    void takesTheRightmostUntrustedHopBehindTrustedProxies() {
        assertThat(behindProxy.resolve("10.1.2.3", "6.6.6.6, 198.51.100.1, 192.0.2.1")).isEqualTo("198.51.100.1");
    }

    @Test
    void stopsAtAGarbledHop() {
        assertThat(behindProxy.resolve("10.1.2.3", "198.51.100.1, evil.example")).isEqualTo("10.1.2.3");
    }

    @Test
    void neverResolvesHostNames() {
        assertThat(ClientAddresses.literal("localhost")).isNull();
        assertThat(ClientAddresses.literal("abc")).isNull();
        assertThat(ClientAddresses.literal("::1")).isNotNull();
        assertThat(ClientAddresses.literal("[::1]")).isNotNull();
    }

    @Test
    void refusesAnOctalLookingOctetAsTheEventContractDoes() {
        assertThat(ClientAddresses.literal("010.0.0.1")).isNull();
        assertThat(behindProxy.resolve("10.1.2.3", "010.0.0.1")).isEqualTo("10.1.2.3");
    }

    @Test
    void refusesATrustedProxyThatIsNoAddress() {
        assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.example"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zeroesTheLastOctetOfIpv4AndTheLast80BitsOfIpv6() {
        assertThat(IpAnonymizer.anonymize("198.51.100.77")).isEqualTo("198.51.100.0");
        assertThat(IpAnonymizer.anonymize("2001:db8:abcd:1:2:3:4:5")).isEqualTo("2001:db8:abcd:0:0:0:0:0");
        assertThat(IpAnonymizer.anonymize("not-an-ip")).isNull();
    }
}
