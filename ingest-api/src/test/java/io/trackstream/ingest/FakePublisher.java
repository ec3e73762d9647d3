package io.trackstream.ingest;

import io.trackstream.ingest.kafka.EventPublisher;
import io.trackstream.ingest.kafka.PublishException;
import io.trackstream.model.EventCodec;
import io.trackstream.model.UserActivityEvent;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

/**
 * A publisher for slice tests: records what it was given and acknowledges at once (or when told),
 * or fails like a broker that timed out, for all events or for chosen user ids. It encodes each event as the real
 * publisher does and holds it to the record decoder, so every slice test also checks that what
 * the API accepts, a consumer can read.
 */
public final class FakePublisher implements EventPublisher {

    private static final EventCodec CODEC = EventCodec.create();

    private final List<UserActivityEvent> published = new CopyOnWriteArrayList<>();
    private volatile boolean down;
    private volatile Set<String> failingUsers = Set.of();
    private volatile boolean holding;
    private final List<CompletableFuture<Void>> held = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<Void> publish(UserActivityEvent event) {
        EventCodec.Decoded record = CODEC.decodeRecord(CODEC.encode(event));
        if (!record.isValid() || !record.event().equals(event)) {
            throw new IllegalStateException("accepted but not consumable: " + record.violations() + " " + event);
        }
        if (down || failingUsers.contains(event.userId())) {
            return CompletableFuture.failedFuture(new PublishException("timeout", new TimeoutException("fake")));
        }
        published.add(event);
        if (holding) {
            CompletableFuture<Void> acknowledgement = new CompletableFuture<>();
            held.add(acknowledgement);
            return acknowledgement;
        }
        return CompletableFuture.completedFuture(null);
    }

    /** From now on, acknowledges only on {@link #acknowledgeHeld()}, like a broker that takes its time. */
    public void holdAcknowledgements() {
        holding = true;
    }

    public void acknowledgeHeld() {
        held.forEach(acknowledgement -> acknowledgement.complete(null));
        held.clear();
    }

    public List<UserActivityEvent> published() {
        return List.copyOf(published);
    }

    public void brokerDown() {
        down = true;
    }

    public void failFor(String... userIds) {
        failingUsers = Set.of(userIds);
    }

    public void reset() {
        published.clear();
        down = false;
        failingUsers = Set.of();
        holding = false;
        held.clear();
    }
}
