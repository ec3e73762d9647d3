package io.trackstream.fraud.detect;

import io.trackstream.fraud.rules.RuleBook;
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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges the events of the users of one task, in two ways. The rules that need the one event alone
 * ({@link Judge#judgeAlone}, today HIGH_VALUE) are judged as the event arrives and their alerts are
 * forwarded at once: no order can change their verdict, so waiting would only delay the alert. That
 * holds for an event later than the grace too, so a late high-value purchase still alerts.
 * The rules that compare events ({@link Judge#judgeInOrder}) need event-time order: each event waits
 * in the {@value FraudTopology#BUFFER_STORE} store (keyed by time, user and id, so the store's order
 * is event-time order) until the task's stream time passes its time plus the grace; an event that
 * comes even later than that is not judged by them (counted, as Kafka Streams counts late window
 * records), though it still counts as earlier activity of its session.
 * Both read the rules of the global {@value FraudTopology#RULES_STORE} when they judge (on arrival,
 * only for the events a single-event rule looks at; at release for the ordered ones): a rule change
 * applies to every event judged after it. Alert ids depend on rule, user and event only, so either
 * way a replay forwards the same alerts.
 *
 * <p>A user's state is forgotten after a day without events ({@link #USER_RETENTION}). Stream time stalls on a quiet partition, so a wall-clock punctuation releases everything
 * still waiting once stream time has not moved for {@code idleFlush}.
 */
final class FraudDetector implements Processor<String, UserActivityEvent, String, FraudAlert> {

    private static final Logger log = LoggerFactory.getLogger(FraudDetector.class);
    private static final JsonMapper STATE_JSON = JsonMapper.builder().build();
    private static final Duration IDLE_CHECK = Duration.ofSeconds(1);
    private static final Duration FORGET_EVERY = Duration.ofMinutes(10);
    private static final Duration REPORT_EVERY = Duration.ofMinutes(1);
    // Longer than every default window (the longest is 1 h) and than any realistic session.
    static final Duration USER_RETENTION = Duration.ofHours(24);

    private final Judge judge;
    private final long graceMs;
    private final long idleFlushMs;
    private final DetectorMetrics metrics;
    private ProcessorContext<String, FraudAlert> context;
    private KeyValueStore<String, UserActivityEvent> buffer;
    private KeyValueStore<String, byte[]> users;
    private KeyValueStore<String, String> ruleStore;
    private RuleBook rules = RuleBook.defaults();
    /**
     * No event earlier than this waits in the buffer: where a release scan starts. Every released
     * event leaves a tombstone at the front of the buffer until RocksDB compacts it, so a scan from
     * the first key stepped over all of them on every event. In memory: after a restart or a task
     * revival it starts again at 0, and the first scan reads the restored buffer whole.
     */
    private long lowestWaiting;
    private long lastStreamTime = Long.MIN_VALUE;
    private long streamTimeMovedAt;
    private long tooLateSinceReport;
    private long reportedAt;

    FraudDetector(Judge judge, Duration grace, Duration idleFlush, DetectorMetrics metrics) {
        this.judge = judge;
        this.graceMs = grace.toMillis();
        this.idleFlushMs = idleFlush.toMillis();
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, FraudAlert> context) {
        this.context = context;
        this.buffer = context.getStateStore(FraudTopology.BUFFER_STORE);
        this.users = context.getStateStore(FraudTopology.USER_STATE_STORE);
        this.ruleStore = context.getStateStore(FraudTopology.RULES_STORE);
        this.streamTimeMovedAt = context.currentSystemTimeMs();
        this.lowestWaiting = 0;
        log.info("fraud detector of task {} starts at stream time {} with about {} events waiting", context.taskId(),
                Instant.ofEpochMilli(context.currentStreamTimeMs()), buffer.approximateNumEntries());
        context.schedule(IDLE_CHECK, PunctuationType.WALL_CLOCK_TIME, this::releaseWhenIdle);
        context.schedule(FORGET_EVERY, PunctuationType.STREAM_TIME, this::forgetIdleUsers);
    }

    @Override
    public void process(Record<String, UserActivityEvent> record) {
        judgeAlone(record.value());
        long ts = record.timestamp();
        long streamTime = context.currentStreamTimeMs();
        boolean tooLate = ts + graceMs < streamTime;
        int arrivedBefore = -1;
        String sessionId = record.value().sessionId();
        if (sessionId != null) {
            // Arrival order within the session, for PURCHASE_WITHOUT_ACTIVITY; a too-late event is
            // not judged but still happened before every event still to be judged.
            UserState state = load(record.value().userId());
            arrivedBefore = state.arrived(sessionId, ts);
            if (tooLate) {
                state.sawLateEvent(sessionId);
            }
            users.put(record.value().userId(), STATE_JSON.writeValueAsBytes(state));
        }
        if (tooLate) {
            // judged by the single-event rules above, but too late for the order the others need
            metrics.tooLate();
            tooLateSinceReport++;
            return;
        }
        buffer.put(bufferKey(ts, arrivedBefore, record.key(), record.value().eventId()), record.value());
        // an event within the grace may be stamped before the last release's bound (an idle release judges up to stream time)
        lowestWaiting = Math.min(lowestWaiting, ts);
        release(streamTime - graceMs);
    }

    private void releaseWhenIdle(long now) {
        long streamTime = context.currentStreamTimeMs();
        if (tooLateSinceReport > 0 && now - reportedAt >= REPORT_EVERY.toMillis()) {
            log.info("task {}: {} events came later than the grace and were not judged by the order-dependent rules (stream time {})",
                    context.taskId(), tooLateSinceReport, Instant.ofEpochMilli(streamTime));
            tooLateSinceReport = 0;
            reportedAt = now;
        }
        if (streamTime != lastStreamTime) {
            lastStreamTime = streamTime;
            streamTimeMovedAt = now;
        } else if (now - streamTimeMovedAt >= idleFlushMs) {
            release(streamTime + 1);
        }
    }

    /** Judges, in order, every waiting event stamped before {@code bound}. */
    private void release(long bound) {
        long upTo = Math.max(0, bound);
        if (upTo <= lowestWaiting) {
            return;
        }
        List<KeyValue<String, UserActivityEvent>> due = new ArrayList<>();
        // '}' sorts after the '|' that ends a key's time: the range takes every key of time upTo too
        try (KeyValueIterator<String, UserActivityEvent> it = buffer.range(timePrefix(lowestWaiting), timePrefix(upTo) + "}")) {
            while (it.hasNext()) {
                KeyValue<String, UserActivityEvent> next = it.next();
                if (next.value.timestamp().toEpochMilli() >= bound) {
                    break;
                }
                due.add(next);
            }
        }
        // everything stamped before the bound is judged now, and a later event before it is too late to wait
        lowestWaiting = upTo;
        if (due.isEmpty()) {
            return;
        }
        rules = rules.refreshed(ruleStore::get);
        for (KeyValue<String, UserActivityEvent> entry : due) {
            buffer.delete(entry.key);
            judge(entry.value, arrivedBefore(entry.key));
        }
    }

    /**
     * The single-event rules, on arrival. The rules are read only for the events such a rule looks
     * at (purchases), so the other events' hot path does not pay for the look-ups.
     */
    private void judgeAlone(UserActivityEvent event) {
        if (!Judge.concernsSingleEventRules(event)) {
            return;
        }
        rules = rules.refreshed(ruleStore::get);
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        forward(event, judge.judgeAlone(rules, event, now), now, true);
    }

    private void judge(UserActivityEvent event, int arrivedBefore) {
        long start = System.nanoTime();
        UserState state = load(event.userId());
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        List<FraudAlert> alerts = judge.judgeInOrder(rules, event, arrivedBefore, state, now);
        users.put(event.userId(), STATE_JSON.writeValueAsBytes(state));
        metrics.judged(System.nanoTime() - start);
        forward(event, alerts, now, false);
    }

    private void forward(UserActivityEvent event, List<FraudAlert> alerts, Instant now, boolean onArrival) {
        for (FraudAlert alert : alerts) {
            log.info("fraud alert {} {} user {} at {} events {} details {}", alert.rule(), alert.alertId(),
                    alert.userId(), alert.eventTime(), alert.eventIds(), alert.details());
            metrics.alert(io.trackstream.fraud.rules.Rule.valueOf(alert.rule()),
                    java.time.Duration.between(event.receivedAt(), now), onArrival);
            context.forward(new Record<>(alert.userId(), alert, event.timestamp().toEpochMilli()));
        }
    }

    /**
     * Drops the state of users idle for {@link #USER_RETENTION} of stream time (or the longest
     * rule window, if an operator made one longer), so the store holds active users only.
     */
    private void forgetIdleUsers(long streamTime) {
        long longest = USER_RETENTION.toMillis();
        for (io.trackstream.fraud.rules.Rule rule : io.trackstream.fraud.rules.Rule.values()) {
            var window = rule.param("window");
            if (window.isPresent()) {
                longest = Math.max(longest, rules.get(rule).duration("window").toMillis());
            }
        }
        long before = streamTime - longest;
        List<String> idle = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = users.all()) {
            while (all.hasNext()) {
                KeyValue<String, byte[]> next = all.next();
                if (STATE_JSON.readValue(next.value, UserState.class).lastTs < before) {
                    idle.add(next.key);
                }
            }
        }
        idle.forEach(users::delete);
    }

    private UserState load(String userId) {
        byte[] stored = users.get(userId);
        return stored == null ? new UserState() : STATE_JSON.readValue(stored, UserState.class);
    }

    // Zero-padded time first, so the store's key order is event-time order; then the session arrival
    // count (-1: none), which the judge needs and the event does not carry.
    static String bufferKey(long ts, int arrivedBefore, String userId, String eventId) {
        return timePrefix(ts) + "|" + arrivedBefore + "|" + userId + "|" + eventId;
    }

    private static String timePrefix(long ts) {
        return String.format("%015d", ts);
    }

    private static int arrivedBefore(String bufferKey) {
        int from = bufferKey.indexOf('|') + 1;
        return Integer.parseInt(bufferKey.substring(from, bufferKey.indexOf('|', from)));
    }
}
