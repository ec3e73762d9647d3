package io.trackstream.producer.traffic;

import io.trackstream.model.Device;
import io.trackstream.model.Location;

/**
 * One simulated user, stable for a given seed and index: the same id, segment, home, device, user
 * agent and IP every time.
 */
record SimUser(String id, Segment segment, Place home, Device device, String userAgent, String ip) {

    Location location() {
        return new Location(home.country(), home.city(), home.timezone());
    }
}
