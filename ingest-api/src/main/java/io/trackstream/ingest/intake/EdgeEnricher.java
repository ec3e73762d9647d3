package io.trackstream.ingest.intake;

import io.trackstream.model.UserActivityEvent;

/**
 * What the edge adds to a decoded event: the client's IP address (the one the client sent, else the
 * connection's), anonymised unless configured otherwise, and the device parsed from the user agent
 * when the client did not send one. received_at and clock-skew correction are the codec's work.
 */
final class EdgeEnricher {

    private final boolean anonymizeIp;
    private final UserAgentDevices devices;

    EdgeEnricher(boolean anonymizeIp, UserAgentDevices devices) {
        this.anonymizeIp = anonymizeIp;
        this.devices = devices;
    }

    UserActivityEvent enrich(UserActivityEvent event, String clientIp) {
        String ip = event.ipAddress() != null ? event.ipAddress() : clientIp;
        if (ip != null && anonymizeIp) {
            ip = IpAnonymizer.anonymize(ip);
        }
        UserActivityEvent enriched = event.withIpAddress(ip);
        if (enriched.device() == null && enriched.userAgent() != null && !enriched.userAgent().isBlank()) {
            enriched = enriched.withDevice(devices.parse(enriched.userAgent()));
        }
        return enriched;
    }
}
