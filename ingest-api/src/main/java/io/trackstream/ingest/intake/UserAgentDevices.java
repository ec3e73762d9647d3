package io.trackstream.ingest.intake;

import io.trackstream.model.Device;
import nl.basjes.parse.useragent.AgentField;
import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Derives {@code device} from a user agent with Yauaa, which classifies devices from the whole
 * string (its rules know tablets, TVs, consoles, watches and crawlers) rather than from a few tokens.
 * The analyzer is built once, at start, for the three fields used only, and caches its answers:
 * the same few user agents make most of the traffic.
 */
final class UserAgentDevices {

    private static final int MAX_COMPONENT = 64;

    // Yauaa's device classes in the contract's words; any class not listed is "other".
    private static final Map<String, String> DEVICE_TYPES = Map.ofEntries(
            Map.entry("Desktop", "desktop"),
            Map.entry("Phone", "mobile"),
            Map.entry("Mobile", "mobile"),
            Map.entry("Tablet", "tablet"),
            Map.entry("eReader", "tablet"),
            Map.entry("TV", "tv"),
            Map.entry("Set-top box", "tv"),
            Map.entry("Game Console", "console"),
            Map.entry("Handheld Game Console", "console"),
            Map.entry("Watch", "wearable"),
            Map.entry("Augmented Reality", "wearable"),
            Map.entry("Virtual Reality", "wearable"),
            Map.entry("Robot", "bot"),
            Map.entry("Robot Mobile", "bot"),
            Map.entry("Robot Imitator", "bot"),
            Map.entry("Spy", "bot"));

    // Yauaa's class for a string that is no browser's (garbage, an attack): nothing to recognise.
    private static final String HACKER = "Hacker";

    // Building an analyzer takes seconds and a test JVM starts several application contexts; the
    // analyzer is immutable and thread-safe, so every context of one JVM with the same cache size
    // shares one. A deployed service has one context, so one analyzer either way.
    private static final ConcurrentMap<Integer, UserAgentAnalyzer> ANALYZERS = new ConcurrentHashMap<>();

    private final UserAgentAnalyzer analyzer;

    UserAgentDevices(int cacheSize) {
        this.analyzer = ANALYZERS.computeIfAbsent(cacheSize, UserAgentDevices::analyzer);
    }

    private static UserAgentAnalyzer analyzer(int cacheSize) {
        return UserAgentAnalyzer.newBuilder()
                .hideMatcherLoadStats()
                .withField(UserAgent.DEVICE_CLASS)
                .withField(UserAgent.OPERATING_SYSTEM_NAME_VERSION_MAJOR)
                .withField(UserAgent.AGENT_NAME_VERSION_MAJOR)
                .withCache(cacheSize)
                // Loading the rules takes seconds: at start, not on the first request.
                .immediateInitialization()
                .build();
    }

    /** The device, or null when nothing could be recognised. */
    Device parse(String userAgent) {
        UserAgent agent = analyzer.parse(userAgent);
        AgentField deviceClass = agent.get(UserAgent.DEVICE_CLASS);
        if (HACKER.equals(deviceClass.getValue())) {
            return null;
        }
        String type = deviceClass.isDefaultValue() ? "other" : DEVICE_TYPES.getOrDefault(deviceClass.getValue(), "other");
        String os = known(agent.get(UserAgent.OPERATING_SYSTEM_NAME_VERSION_MAJOR));
        String browser = known(agent.get(UserAgent.AGENT_NAME_VERSION_MAJOR));
        if (browser == null && os == null && "other".equals(type)) {
            return null;
        }
        return new Device(type, os, browser);
    }

    private static String known(AgentField field) {
        String value = field.getValue();
        if (field.isDefaultValue() || value == null || value.isBlank() || value.startsWith("Unknown")) {
            return null;
        }
        // "Chrome ??": a name whose version Yauaa could not tell.
        value = value.endsWith(" ??") ? value.substring(0, value.length() - 3) : value;
        return value.length() > MAX_COMPONENT ? value.substring(0, MAX_COMPONENT) : value;
    }
}
