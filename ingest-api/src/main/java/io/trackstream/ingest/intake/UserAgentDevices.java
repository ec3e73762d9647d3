package io.trackstream.ingest.intake;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.trackstream.model.Device;
import ua_parser.Client;
import ua_parser.Parser;

import java.util.Locale;
import java.util.Optional;

/**
 * Derives {@code device} from a user agent with the ua-parser corpus. Parsing runs many regular
 * expressions, and the same few user agents make most of the traffic, so results are cached in a
 * bounded cache. The device class is not part of ua-parser's answer; it is inferred from the
 * families it found and a few well-known tokens.
 */
final class UserAgentDevices {

    private static final String OTHER = "Other";
    private static final int MAX_COMPONENT = 64;

    private final Parser parser;
    private final Cache<String, Optional<Device>> cache;

    UserAgentDevices(Parser parser, int cacheSize) {
        this.parser = parser;
        this.cache = Caffeine.newBuilder().maximumSize(cacheSize).build();
    }

    /** The device, or null when nothing could be recognised. */
    Device parse(String userAgent) {
        return cache.get(userAgent, this::classify).orElse(null);
    }

    private Optional<Device> classify(String userAgent) {
        Client client = parser.parse(userAgent);
        String browser = name(client.userAgent.family, client.userAgent.major);
        String os = name(client.os.family, client.os.major);
        String type = typeOf(client, userAgent.toLowerCase(Locale.ROOT));
        if (browser == null && os == null && "other".equals(type)) {
            return Optional.empty();
        }
        return Optional.of(new Device(type, os, browser));
    }

    private static String name(String family, String major) {
        if (family == null || OTHER.equals(family)) {
            return null;
        }
        String name = major == null || major.isEmpty() ? family : family + " " + major;
        return name.length() > MAX_COMPONENT ? name.substring(0, MAX_COMPONENT) : name;
    }

    private static String typeOf(Client client, String ua) {
        if ("Spider".equals(client.device.family) || ua.contains("bot") || ua.contains("crawler") || ua.contains("spider")) {
            return "bot";
        }
        if (ua.contains("playstation") || ua.contains("xbox") || ua.contains("nintendo")) {
            return "console";
        }
        if (ua.contains("smart-tv") || ua.contains("smarttv") || ua.contains("appletv") || ua.contains("googletv")
                || ua.contains("hbbtv") || ua.contains("roku")) {
            return "tv";
        }
        if (ua.contains("watch") && (ua.contains("wear") || ua.contains("watchos"))) {
            return "wearable";
        }
        if (ua.contains("ipad") || ua.contains("tablet") || (ua.contains("android") && !ua.contains("mobile"))) {
            return "tablet";
        }
        if (ua.contains("mobile") || ua.contains("iphone") || ua.contains("ipod") || ua.contains("windows phone")) {
            return "mobile";
        }
        String os = client.os.family;
        if (os != null && (os.startsWith("Windows") || os.startsWith("Mac OS") || os.equals("macOS")
                || os.equals("Linux") || os.equals("Ubuntu") || os.equals("Chrome OS") || os.equals("ChromeOS")
                || os.equals("Fedora") || os.equals("FreeBSD"))) {
            return "desktop";
        }
        return "other";
    }
}
