package io.trackstream.ingest;

import io.trackstream.model.IpLiterals;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the client's IP address: the connection's peer, unless that peer is a configured trusted
 * proxy, in which case {@code X-Forwarded-For} is read from the right and the first address that is
 * not itself a trusted proxy wins. Headers from untrusted peers are ignored, since anyone can send
 * them. Never does a DNS lookup: only IP literals are parsed, by the contract's {@link IpLiterals},
 * so a hop is an address here exactly when it would be a valid {@code ip_address} of an event.
 */
public final class ClientAddresses {

    private final List<Cidr> trusted;

    public ClientAddresses(List<String> trustedProxies) {
        List<Cidr> ranges = new ArrayList<>();
        for (String entry : trustedProxies) {
            ranges.add(Cidr.parse(entry.trim()));
        }
        this.trusted = List.copyOf(ranges);
    }

    /** The client address of a request: its peer, or the X-Forwarded-For hop a trusted proxy vouches for. */
    public String resolve(jakarta.servlet.http.HttpServletRequest request) {
        return resolve(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
    }

    /**
     * @param peer the connection's remote address (an IP literal)
     * @param forwardedFor the X-Forwarded-For header, may be null
     * @return the client's address as an IP literal, or the peer when nothing better is known
     */
    public String resolve(String peer, String forwardedFor) {
        if (forwardedFor == null || trusted.isEmpty() || !isTrusted(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            InetAddress address = literal(hop);
            if (address == null) {
                // A garbled hop breaks the chain of trust: stop at the last address we could verify.
                return peer;
            }
            if (!isTrusted(address)) {
                return address.getHostAddress();
            }
            peer = address.getHostAddress();
        }
        return peer;
    }

    private boolean isTrusted(String ip) {
        InetAddress address = literal(ip);
        return address != null && isTrusted(address);
    }

    private boolean isTrusted(InetAddress address) {
        for (Cidr range : trusted) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Parses an IPv4 or IPv6 literal, also in brackets ({@code [::1]}, as some proxies write IPv6),
     * or returns null: never resolves a host name. {@code 010.0.0.1} is refused, as {@link IpLiterals} refuses it.
     */
    public static InetAddress literal(String text) {
        if (text != null && text.startsWith("[") && text.endsWith("]")) {
            return IpLiterals.parse(text.substring(1, text.length() - 1));
        }
        return IpLiterals.parse(text);
    }

    private record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            InetAddress address = literal(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("not an IP address or CIDR range: " + text);
            }
            byte[] bytes = address.getAddress();
            int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("bad prefix length in " + text);
            }
            return new Cidr(bytes, prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (bytes[full] & mask) == (network[full] & mask);
        }
    }
}
