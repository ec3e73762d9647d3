package io.trackstream.dashboard.live;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.ByteBuffer;

/**
 * When a user was last seen and last purchased, in epoch seconds of event time (the latest, not
 * the last to arrive: a late event does not make a user active again).
 *
 * @param lastSeen the latest second with an event of the user
 * @param lastPurchase the latest second with a purchase, or {@link Long#MIN_VALUE}
 */
record UserSeen(long lastSeen, long lastPurchase) {

    static final UserSeen NEVER = new UserSeen(Long.MIN_VALUE, Long.MIN_VALUE);

    UserSeen seen(long second, boolean purchase) {
        return new UserSeen(Math.max(lastSeen, second), purchase ? Math.max(lastPurchase, second) : lastPurchase);
    }

    /** Active: an event in the last 5 minutes, or stamped ahead of the clock (a skewed client counts from arrival). */
    boolean activeAt(long nowSecond) {
        return lastSeen > nowSecond - PartitionWindow.RECENT_SECONDS;
    }

    boolean purchasedAt(long nowSecond) {
        return lastPurchase > nowSecond - PartitionWindow.RECENT_SECONDS;
    }

    /** 16 bytes: the two seconds. */
    static final class UserSeenSerde implements Serde<UserSeen> {

        @Override
        public Serializer<UserSeen> serializer() {
            return (topic, seen) -> seen == null ? null
                    : ByteBuffer.allocate(16).putLong(seen.lastSeen).putLong(seen.lastPurchase).array();
        }

        @Override
        public Deserializer<UserSeen> deserializer() {
            return (topic, bytes) -> {
                if (bytes == null) {
                    return null;
                }
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                return new UserSeen(buffer.getLong(), buffer.getLong());
            };
        }
    }
}
