package io.trackstream.behavior.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.trackstream.model.UserActivityEvent;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Sessions, profiles and daily partials of one partition's users, in event time.
 *
 * <p>Each event updates its user's profile at once (late or not), then waits in the user's grace
 * buffer; once the partition's stream time is more than the grace past it, it is released into the
 * open session in event-time order. An event that comes later than the grace (behind the stream
 * time) still counts in the profile but not in sessions, as the engine's own windows drop it. A
 * session closes when the next released event is more than the inactivity gap after its end or the
 * maximum length after its start, or when the stream time alone shows that no accepted event can
 * extend it any more. Stream time stalls on a quiet partition, so a wall-clock punctuation closes
 * every open session once the partition has had no record for the idle-close time.
 *
 * <p>What changed is marked in an outbox store, committed with the input offsets; the wall-clock
 * flush writes the marked values through the {@link BehaviorSink} and clears the marks. After a
 * crash the restored outbox is written again: full values, so the rows come out the same.
 */
final class BehaviorProcessor implements Processor<String, UserActivityEvent, Void, Void> {

    private static final Logger log = LoggerFactory.getLogger(BehaviorProcessor.class);
    private static final String PROFILE_MARK = "p|";
    private static final String DAY_MARK = "d|";
    private static final String SESSION_MARK = "s|";
    private static final byte[] MARK = new byte[0];
    private static final int MAX_WRITES_PER_FLUSH = 5_000;

    private final BehaviorSettings settings;
    private final PathCleaner cleaner;
    private final BehaviorSink sink;
    private final JsonMapper mapper;
    private final Counter late;
    private final Counter closedByEventTime;
    private final Counter closedIdle;
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, UserSessions> open;
    private KeyValueStore<String, Profile> profiles;
    private KeyValueStore<String, DailyPartial> days;
    private KeyValueStore<String, byte[]> outbox;
    private long lastRecordWallMs;
    private long scannedWatermark = Long.MIN_VALUE;
    private long recordsSinceLog;
    private long sessionsSinceLog;
    private long lastLogWallMs;

    BehaviorProcessor(BehaviorSettings settings, BehaviorSink sink, JsonMapper mapper, MeterRegistry meters) {
        this.settings = settings;
        this.cleaner = new PathCleaner(settings.pathRules());
        this.sink = sink;
        this.mapper = mapper;
        this.late = Counter.builder("trackstream.behavior.events.late")
                .description("Events later than the grace: counted in profiles, left out of sessions").register(meters);
        this.closedByEventTime = closed(meters, "event_time");
        this.closedIdle = closed(meters, "idle");
    }

    private static Counter closed(MeterRegistry meters, String reason) {
        return Counter.builder("trackstream.behavior.sessions.closed").tag("reason", reason)
                .description("Sessions closed, by event time or because their partition went quiet").register(meters);
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.open = context.getStateStore(BehaviorTopology.OPEN_STORE);
        this.profiles = context.getStateStore(BehaviorTopology.PROFILE_STORE);
        this.days = context.getStateStore(BehaviorTopology.DAILY_STORE);
        this.outbox = context.getStateStore(BehaviorTopology.OUTBOX_STORE);
        // A restart is not a quiet partition: the idle clock starts when the task does.
        this.lastRecordWallMs = context.currentSystemTimeMs();
        this.lastLogWallMs = lastRecordWallMs;
        context.schedule(settings.flushInterval(), PunctuationType.WALL_CLOCK_TIME, this::onWallClock);
    }

    @Override
    public void process(Record<String, UserActivityEvent> record) {
        lastRecordWallMs = context.currentSystemTimeMs();
        String userId = record.key() != null ? record.key() : record.value().userId();
        Hit hit = Hit.of(record.value(), cleaner);

        Profile profile = profiles.get(userId);
        if (profile == null) {
            profile = Profile.empty(userId);
        }
        profile.event(hit);
        profiles.put(userId, profile);
        outbox.put(PROFILE_MARK + userId, MARK);

        long watermark = watermark();
        UserSessions state = open.get(userId);
        if (hit.time() < watermark) {
            late.increment();
        } else {
            if (state == null) {
                state = new UserSessions();
            }
            state.pending.add(hit);
        }
        if (state != null) {
            advance(userId, state, watermark, false);
            store(userId, state);
        }
        if (++recordsSinceLog >= settings.logEveryRecords()) {
            logInsights(lastRecordWallMs);
        }
    }

    // Stream time minus the grace: every event still to be accepted is at or after it.
    private long watermark() {
        long streamTime = context.currentStreamTimeMs();
        return streamTime < 0 ? Long.MIN_VALUE : streamTime - settings.grace().toMillis();
    }

    private void onWallClock(long now) {
        boolean idle = now - lastRecordWallMs >= settings.idleClose().toMillis();
        long watermark = watermark();
        if (idle || watermark > scannedWatermark) {
            scannedWatermark = watermark;
            List<KeyValue<String, UserSessions>> states = new ArrayList<>();
            try (KeyValueIterator<String, UserSessions> all = open.all()) {
                all.forEachRemaining(states::add);
            }
            for (KeyValue<String, UserSessions> kv : states) {
                if (advance(kv.key, kv.value, watermark, idle)) {
                    store(kv.key, kv.value);
                }
            }
        }
        flush();
        if (now - lastLogWallMs >= settings.logInterval().toMillis()) {
            logInsights(now);
        }
    }

    /**
     * Releases what the watermark allows (everything when closing all), then closes the session if
     * no accepted event can extend it any more. Returns whether the state changed.
     */
    private boolean advance(String userId, UserSessions state, long watermark, boolean closeAll) {
        boolean changed = false;
        if (!state.pending.isEmpty()) {
            state.pending.sort(Comparator.comparingLong(Hit::time));
            List<Hit> kept = new ArrayList<>();
            for (Hit hit : state.pending) {
                if (closeAll || hit.time() <= watermark) {
                    apply(userId, state, hit);
                    changed = true;
                } else {
                    kept.add(hit);
                }
            }
            state.pending = kept;
        }
        OpenSession s = state.open;
        if (s != null) {
            boolean ended = watermark != Long.MIN_VALUE && (watermark - s.end > settings.inactivityGap().toMillis()
                    || watermark - s.start >= settings.maxSessionLength().toMillis());
            if (ended || closeAll) {
                close(state, !ended);
                changed = true;
            }
        }
        return changed;
    }

    private void store(String userId, UserSessions state) {
        if (state.isEmpty()) {
            open.delete(userId);
        } else {
            open.put(userId, state);
        }
    }

    private void apply(String userId, UserSessions state, Hit hit) {
        OpenSession s = state.open;
        if (s != null && (hit.time() - s.end > settings.inactivityGap().toMillis()
                || hit.time() - s.start >= settings.maxSessionLength().toMillis())) {
            close(state, false);
            s = null;
        }
        if (s == null) {
            state.open = OpenSession.start(userId, hit);
        } else {
            s.add(hit);
        }
    }

    private void close(UserSessions state, boolean idle) {
        Session session = state.open.close();
        state.open = null;
        (idle ? closedIdle : closedByEventTime).increment();
        sessionsSinceLog++;

        Profile profile = profiles.get(session.userId());
        if (profile == null) {
            profile = Profile.empty(session.userId());
        }
        Segment segment = profile.session(session);
        profiles.put(session.userId(), profile);
        outbox.put(PROFILE_MARK + session.userId(), MARK);

        String day = LocalDate.ofInstant(session.start(), ZoneOffset.UTC).toString();
        String dayKey = day + "|" + context.taskId().partition();
        DailyPartial partial = days.get(dayKey);
        if (partial == null) {
            partial = DailyPartial.empty(day, context.taskId().partition());
        }
        partial.add(session, segment);
        days.put(dayKey, partial);
        outbox.put(DAY_MARK + dayKey, MARK);
        outbox.put(SESSION_MARK + session.userId() + "|" + session.sessionId(), mapper.writeValueAsBytes(session));
    }

    private void flush() {
        List<String> keys = new ArrayList<>();
        List<Session> sessions = new ArrayList<>();
        List<Profile> changedProfiles = new ArrayList<>();
        List<DailyPartial> changedDays = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> marks = outbox.all()) {
            while (marks.hasNext() && keys.size() < MAX_WRITES_PER_FLUSH) {
                KeyValue<String, byte[]> mark = marks.next();
                keys.add(mark.key);
                String id = mark.key.substring(2);
                if (mark.key.startsWith(SESSION_MARK)) {
                    sessions.add(mapper.readValue(mark.value, Session.class));
                } else if (mark.key.startsWith(PROFILE_MARK)) {
                    Profile p = profiles.get(id);
                    if (p != null) {
                        changedProfiles.add(p);
                    }
                } else if (mark.key.startsWith(DAY_MARK)) {
                    DailyPartial d = days.get(id);
                    if (d != null) {
                        changedDays.add(d);
                    }
                }
            }
        }
        if (keys.isEmpty()) {
            return;
        }
        sink.write(new BehaviorSink.Batch(sessions, changedProfiles, changedDays));
        keys.forEach(outbox::delete);
    }

    private void logInsights(long now) {
        String today = LocalDate.ofInstant(Instant.ofEpochMilli(Math.max(0, context.currentStreamTimeMs())), ZoneOffset.UTC).toString();
        DailyPartial partial = days.get(today + "|" + context.taskId().partition());
        String summary = partial == null ? "no closed sessions yet"
                : "%d sessions, %d converted, cart abandoned %d of %d, top path %s".formatted(partial.sessions, partial.converted,
                partial.cartAbandoned, partial.withCart,
                DailyInsights.top(partial.paths, 1).stream().map(e -> e.getKey() + " (" + e.getValue() + ")").findFirst().orElse("-"));
        log.info("insights partition {}: {} records and {} closed sessions since the last line, {} users with open state; {} on {}",
                context.taskId().partition(), recordsSinceLog, sessionsSinceLog, open.approximateNumEntries(), summary, today);
        recordsSinceLog = 0;
        sessionsSinceLog = 0;
        lastLogWallMs = now;
    }
}
