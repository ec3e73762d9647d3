package io.trackstream.model;

/**
 * Syntax of IPv4 and IPv6 address literals. Written out because {@code InetAddress.getByName}
 * resolves anything that is not a literal through DNS, and Java 17 has no literal-only parser.
 */
final class IpLiterals {

    private IpLiterals() {
    }

    static boolean isValid(String text) {
        return text.indexOf(':') >= 0 ? isIpv6(text) : isIpv4(text);
    }

    /**
     * Dotted quad only; octets with leading zeros are refused since some parsers read them as octal.
     * One pass over the chars: every event's address is checked, in the API and in every consumer.
     */
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
