package io.trackstream.analytics.compute;

import io.trackstream.analytics.AnalyticsProperties;
import io.trackstream.model.KnownEventType;
import io.trackstream.model.UserActivityEvent;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Window;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds each event into its partition's partial figures for its hour and its UTC day, and upserts
 * the changed ones on a wall-clock schedule.
 *
 * <p>Why per-partition partials instead of the DSL's windowed aggregations: every figure here is
 * global per window (all users), while the stream is keyed by user. The DSL would re-key each event
 * once per figure (seven repartition topics, the summary on one hot key) and would need distinct-user
 * sets shipped around. Here each task keeps its partition's figures; a user lives in one partition,
 * so distinct users, a user's funnel progress and "first seen today in this country" are exact local
 * state, and the API sums the partitions' rows of a window at read time.
 *
 * <p>Windows and lateness follow Kafka Streams' windowed aggregation exactly: tumbling
 * {@link TimeWindows} of an hour and a day with the configured grace; stream time is the largest
 * event time this partition has seen (kept in a store, so a restart does not forget it); an event
 * whose window ended at least {@code grace} before the stream time is not counted but reported as
 * late, in the metric and in the window's {@code late_dropped}. Results are emitted on update: the
 * changed keys are written every flush interval (the record cache absorbs the store writes in
 * between), never once per event. Exactly-once: stores are changelogged under exactly_once_v2, and
 * the sink receives full values; after a restart the task rewrites everything it holds, so a value
 * written from state that was later rolled back is overwritten by the replay.
 */
final class AnalyticsProcessor implements Processor<String, UserActivityEvent, Void, Void> {

    static final String NAME = "analytics-aggregate";
    static final String HOUR = "hour";
    static final String DAY = "day";
    private static final long HOUR_MS = Duration.ofHours(1).toMillis();
    private static final long DAY_MS = Duration.ofDays(1).toMillis();
    private static final String STREAM_TIME_KEY = "stream-time";
    private static final Duration EVICTION_INTERVAL = Duration.ofMinutes(1);
    private static final String PAGE_VIEW = KnownEventType.PAGE_VIEW.wireName();
    private static final String ADD_TO_CART = KnownEventType.ADD_TO_CART.wireName();

    private final AnalyticsProperties settings;
    private final AnalyticsSink sink;
    private final AnalyticsObserver observer;
    private final TimeWindows hours;
    private final TimeWindows days;
    private final long graceMs;
    private final long retentionMs;

    private AnalyticsStores stores;
    private int partition;
    private long streamTime = -1;
    private final DirtyKeys dirty = new DirtyKeys();
    private boolean rewriteAll = true;

    AnalyticsProcessor(AnalyticsProperties settings, AnalyticsSink sink, AnalyticsObserver observer) {
        this.settings = settings;
        this.sink = sink;
        this.observer = observer;
        this.hours = TimeWindows.ofSizeAndGrace(Duration.ofHours(1), settings.grace());
        this.days = TimeWindows.ofSizeAndGrace(Duration.ofDays(1), settings.grace());
        this.graceMs = settings.grace().toMillis();
        this.retentionMs = settings.retention().toMillis();
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        stores = AnalyticsStores.from(context);
        partition = context.taskId().partition();
        Long stored = stores.streamTime().get(STREAM_TIME_KEY);
        streamTime = stored == null ? -1 : stored;
        context.schedule(settings.flushInterval(), PunctuationType.WALL_CLOCK_TIME, now -> flush());
        context.schedule(EVICTION_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> evictClosed());
    }

    @Override
    public void process(Record<String, UserActivityEvent> record) {
        long time = record.timestamp();
        if (time > streamTime) {
            streamTime = time;
            stores.streamTime().put(STREAM_TIME_KEY, time);
        }
        UserActivityEvent event = record.value();
        observer.processed(event.eventType());
        Window hour = windowOf(hours, time);
        Window day = windowOf(days, time);
        if (!isOpen(day)) {
            late(DAY, day);
            late(HOUR, hour);
            return;
        }
        EventFacts facts = EventFacts.of(event, settings.defaultCurrency());
        LocalDate date = LocalDate.ofEpochDay(day.start() / DAY_MS);
        String dayKey = date.toString();
        UserDay before = stores.userDays().get(dayKey + "|" + event.userId());
        UserDay user = before == null ? UserDay.NEW : before;

        int step = user.funnelStep();
        List<String> steps = settings.funnelSteps();
        if (step < steps.size() && steps.get(step).equals(facts.eventType())) {
            step++;
            countFunnelStep(date, step, steps.get(step - 1));
        }
        List<String> countries = user.countries();
        if (facts.country() != null) {
            boolean newCountry = !user.seenIn(facts.country());
            if (newCountry) {
                countries = new ArrayList<>(countries);
                countries.add(facts.country());
            }
            countCountry(date, facts, newCountry);
        }
        int hoursSeen = user.hours();
        if (isOpen(hour)) {
            int hourOfDay = (int) ((hour.start() - day.start()) / HOUR_MS);
            count(HOUR, hour, facts, !user.seenInHour(hourOfDay));
            hoursSeen |= 1 << hourOfDay;
        } else {
            late(HOUR, hour);
        }
        count(DAY, day, facts, before == null);
        stores.userDays().put(dayKey + "|" + event.userId(), new UserDay(user.events() + 1, step, hoursSeen, countries));
        dirty.topUserDays.add(dayKey);
        if (facts.page() != null) {
            countPage(date, facts.page());
        }
        if (facts.productId() != null) {
            countProduct(date, facts);
        }
    }

    private static Window windowOf(TimeWindows windows, long time) {
        return windows.windowsFor(time).values().iterator().next();
    }

    // Kafka Streams' rule: a window accepts records while its end is after stream time minus grace.
    private boolean isOpen(Window window) {
        return window.end() > streamTime - graceMs;
    }

    private boolean retained(Window window) {
        return window.end() + graceMs + retentionMs > streamTime;
    }

    private void late(String granularity, Window window) {
        observer.late(granularity);
        if (retained(window)) {
            String key = summaryKey(granularity, window.start());
            AnalyticsRows.Summary summary = stores.summaries().get(key);
            stores.summaries().put(key, Partials.withLate(
                    summary == null ? Partials.emptySummary(granularity, window.start(), partition) : summary));
            dirty.summaries.add(key);
        }
    }

    private void count(String granularity, Window window, EventFacts facts, boolean newUser) {
        String key = summaryKey(granularity, window.start());
        AnalyticsRows.Summary summary = stores.summaries().get(key);
        stores.summaries().put(key, Partials.plus(
                summary == null ? Partials.emptySummary(granularity, window.start(), partition) : summary, facts, newUser));
        dirty.summaries.add(key);
    }

    private void countFunnelStep(LocalDate date, int step, String eventType) {
        String key = date + "|" + step;
        AnalyticsRows.FunnelStep current = stores.funnel().get(key);
        long users = current == null ? 0 : current.users();
        stores.funnel().put(key, new AnalyticsRows.FunnelStep(date, partition, step, eventType, users + 1));
        dirty.funnel.add(key);
    }

    private void countCountry(LocalDate date, EventFacts facts, boolean newUser) {
        String key = date + "|" + facts.country();
        AnalyticsRows.Country current = stores.countries().get(key);
        stores.countries().put(key, Partials.plus(current == null
                ? new AnalyticsRows.Country(date, partition, facts.country(), 0, 0, Partials.NO_MONEY) : current, facts, newUser));
        dirty.countries.add(key);
    }

    private void countPage(LocalDate date, String page) {
        String key = date + "|" + page;
        AnalyticsRows.Page current = stores.pages().get(key);
        stores.pages().put(key, new AnalyticsRows.Page(date, partition, page, current == null ? 1 : current.views() + 1));
        dirty.pages.add(key);
    }

    private void countProduct(LocalDate date, EventFacts facts) {
        boolean view = PAGE_VIEW.equals(facts.eventType());
        boolean cart = ADD_TO_CART.equals(facts.eventType());
        if (!view && !cart && !facts.purchase()) {
            return;
        }
        String key = date + "|" + facts.productId();
        AnalyticsRows.Product current = stores.products().get(key);
        stores.products().put(key, Partials.plus(current == null
                ? new AnalyticsRows.Product(date, partition, facts.productId(), null, null, 0, 0, 0, Partials.NO_MONEY)
                : current, facts, view, cart));
        dirty.products.add(key);
    }

    static String summaryKey(String granularity, long windowStart) {
        return granularity + "|" + Instant.ofEpochMilli(windowStart);
    }

    /** Writes the full current value of every changed figure; after a (re)start, of every figure held. */
    private void flush() {
        if (rewriteAll) {
            dirty.markAll(stores);
            rewriteAll = false;
        }
        if (dirty.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        AnalyticsRows rows = dirty.rows(stores, settings.topUsers(), partition);
        sink.write(rows);
        dirty.clear();
        observer.flushed(rows.size(), System.nanoTime() - started);
    }

    /** Drops the figures of windows closed longer ago than the retention; their rows stay in Cassandra. */
    private void evictClosed() {
        long cutoff = streamTime - graceMs - retentionMs;
        stores.evictBefore(cutoff);
    }

    /** Connects the processor's stores, so the topology needs no separate addStateStore. */
    static final class Supplier implements org.apache.kafka.streams.processor.api.ProcessorSupplier<String, UserActivityEvent, Void, Void> {

        private final AnalyticsProperties settings;
        private final AnalyticsSink sink;
        private final AnalyticsObserver observer;

        Supplier(AnalyticsProperties settings, AnalyticsSink sink, AnalyticsObserver observer) {
            this.settings = settings;
            this.sink = sink;
            this.observer = observer;
        }

        @Override
        public Processor<String, UserActivityEvent, Void, Void> get() {
            return new AnalyticsProcessor(settings, sink, observer);
        }

        @Override
        public java.util.Set<org.apache.kafka.streams.state.StoreBuilder<?>> stores() {
            return AnalyticsStores.builders();
        }
    }
}
