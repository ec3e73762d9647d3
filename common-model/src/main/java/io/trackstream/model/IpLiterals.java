package io.trackstream.model;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The one parser of IPv4 and IPv6 address literals, for the contract's {@code ip_address} and for
 * the API's client address alike. Written out because {@code InetAddress.getByName} resolves
 * anything that is not a literal through DNS, and Java 17 has no literal-only parser.
 *
 * <p>An IPv4 octet with a leading zero ({@code 010.0.0.1}) is refused: some parsers read it as
 * octal (8), others as decimal (10), so it names no one address. Refusing it is what strict
 * literal parsers do (Go's {@code net/netip}, Python's {@code ipaddress} since 3.9.5), where
 * {@code InetAddress} would read it as decimal.
 */
public final class IpLiterals {

    // The longest literal: six hex groups and a dotted quad, 0000:0000:0000:0000:0000:0000:255.255.255.255.
    private static final int MAX_LENGTH = 45;

    private IpLiterals() {
    }

    /** Whether {@code text} is an IPv4 dotted quad or an RFC 4291 IPv6 literal (no brackets, no zone id). */
    public static boolean isValid(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            return false;
        }
        return text.indexOf(':') >= 0 ? isIpv6(text) : isIpv4(text);
    }

    /** The address of a literal {@link #isValid} accepts, else null; never a DNS lookup. */
    public static InetAddress parse(String text) {
        if (!isValid(text)) {
            return null;
        }
        try {
            // A literal is converted in place: getByName looks up only what is not one.
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Dotted quad only; octets with leading zeros are refused (see the class comment). */
    static boolean isIpv4(String text) {
        int octets = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0, n = text.length(); i <= n; i++) {
            char c = i < n ? text.charAt(i) : '.';
            if (c == '.') {
                if (digits == 0 || ++octets > 4) {
                    return false;
                }
                value = 0;
                digits = 0;
            } else if (c >= '0' && c <= '9') {
                if (digits > 0 && value == 0) {
                    return false;
                }
                value = value * 10 + (c - '0');
                if (++digits > 3 || value > 255) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return octets == 4;
    }

    /** RFC 4291 text form: eight groups, one "::" for a run of zero groups, an optional IPv4 tail; no zone id. */
    static boolean isIpv6(String text) {
        String groups = text;
        int expected = 8;
        if (text.indexOf('.') >= 0) {
            int lastColon = text.lastIndexOf(':');
            if (!isIpv4(text.substring(lastColon + 1))) {
                return false;
            }
            groups = text.substring(0, lastColon + 1);
            // Keep a "::" in front of the IPv4 tail, drop a single separating colon.
            groups = groups.endsWith("::") ? groups : groups.substring(0, groups.length() - 1);
            expected = 6;
        }
        int gap = groups.indexOf("::");
        if (gap < 0) {
            return countGroups(groups) == expected;
        }
        if (groups.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        int before = countGroups(groups.substring(0, gap));
        int after = countGroups(groups.substring(gap + 2));
        return before >= 0 && after >= 0 && before + after < expected;
    }

    /** The number of colon-separated groups of 1-4 hex digits, or -1 if any group is malformed. */
    private static int countGroups(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        String[] groups = text.split(":", -1);
        for (String group : groups) {
            if (group.isEmpty() || group.length() > 4 || !group.chars().allMatch(IpLiterals::isHexDigit)) {
                return -1;
            }
        }
        return groups.length;
    }

    // ASCII only: Character.digit would also accept other scripts' digits.
    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
