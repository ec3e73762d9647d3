package io.trackstream.ingest.intake;

import io.trackstream.ingest.ClientAddresses;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Truncates IP addresses the way privacy-minded trackers do: the last octet of an IPv4 address and
 * the last 80 bits of an IPv6 address become zero, which keeps the network (for rough geography and
 * abuse detection) but no longer names a household.
 */
final class IpAnonymizer {

    private IpAnonymizer() {
    }

    /** The truncated literal, or null when {@code ip} is not an IP literal. */
    static String anonymize(String ip) {
        InetAddress address = ClientAddresses.literal(ip);
        if (address == null) {
            return null;
        }
        byte[] bytes = address.getAddress();
        int keep = address instanceof Inet4Address ? 3 : 6;
        for (int i = keep; i < bytes.length; i++) {
            bytes[i] = 0;
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }
}
