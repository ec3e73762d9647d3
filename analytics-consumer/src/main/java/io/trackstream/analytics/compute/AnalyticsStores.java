package io.trackstream.analytics.compute;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The analytics task's state: persistent, changelogged, cached key-value stores, named explicitly so
 * their changelog topics ({@code analytics-processors-<store>-changelog}) survive topology changes.
 * Keys of day-scoped stores start with the ISO day ({@code 2026-01-05|...}), so a day is a prefix
 * scan and closed days are found by the key alone.
 */
record AnalyticsStores(KeyValueStore<String, Long> streamTime,
                       KeyValueStore<String, UserDay> userDays,
                       KeyValueStore<String, AnalyticsRows.Summary> summaries,
                       KeyValueStore<String, AnalyticsRows.Page> pages,
                       KeyValueStore<String, AnalyticsRows.Product> products,
                       KeyValueStore<String, AnalyticsRows.Country> countries,
                       KeyValueStore<String, AnalyticsRows.FunnelStep> funnel) {

    static final String STREAM_TIME = "analytics-stream-time";
    static final String USER_DAYS = "analytics-user-days";
    static final String SUMMARIES = "analytics-summaries";
    static final String PAGES = "analytics-pages";
    static final String PRODUCTS = "analytics-products";
    static final String COUNTRIES = "analytics-countries";
    static final String FUNNEL = "analytics-funnel";
    private static final long HOUR_MS = Duration.ofHours(1).toMillis();
    private static final long DAY_MS = Duration.ofDays(1).toMillis();

    static AnalyticsStores from(ProcessorContext<?, ?> context) {
        return new AnalyticsStores(context.getStateStore(STREAM_TIME), context.getStateStore(USER_DAYS),
                context.getStateStore(SUMMARIES), context.getStateStore(PAGES), context.getStateStore(PRODUCTS),
                context.getStateStore(COUNTRIES), context.getStateStore(FUNNEL));
    }

    static Set<StoreBuilder<?>> builders() {
        return Set.of(store(STREAM_TIME, Serdes.Long()),
                store(USER_DAYS, new JsonSerde<>(UserDay.class)),
                store(SUMMARIES, new JsonSerde<>(AnalyticsRows.Summary.class)),
                store(PAGES, new JsonSerde<>(AnalyticsRows.Page.class)),
                store(PRODUCTS, new JsonSerde<>(AnalyticsRows.Product.class)),
                store(COUNTRIES, new JsonSerde<>(AnalyticsRows.Country.class)),
                store(FUNNEL, new JsonSerde<>(AnalyticsRows.FunnelStep.class)));
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values) {
        // The record cache absorbs repeated updates of one key between commits.
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values).withCachingEnabled();
    }

    /** Every user of one day in this partition. */
    List<KeyValue<String, UserDay>> usersOf(String day) {
        List<KeyValue<String, UserDay>> users = new ArrayList<>();
        try (KeyValueIterator<String, UserDay> it = userDays.prefixScan(day + "|", Serdes.String().serializer())) {
            it.forEachRemaining(kv -> users.add(KeyValue.pair(kv.key.substring(day.length() + 1), kv.value)));
        }
        return users;
    }

    /** Deletes every figure whose window ended at or before {@code cutoff} (epoch ms). */
    void evictBefore(long cutoff) {
        for (KeyValueStore<String, ?> store : List.of(userDays, pages, products, countries, funnel)) {
            deleteWhere(store, key -> (LocalDate.parse(key.substring(0, key.indexOf('|'))).toEpochDay() + 1) * DAY_MS <= cutoff);
        }
        deleteWhere(summaries, key -> {
            int bar = key.indexOf('|');
            long length = key.startsWith(AnalyticsProcessor.HOUR) ? HOUR_MS : DAY_MS;
            return Instant.parse(key.substring(bar + 1)).toEpochMilli() + length <= cutoff;
        });
    }

    private static void deleteWhere(KeyValueStore<String, ?> store, java.util.function.Predicate<String> closed) {
        List<String> doomed = new ArrayList<>();
        try (KeyValueIterator<String, ?> it = store.all()) {
            it.forEachRemaining(kv -> {
                if (closed.test(kv.key)) {
                    doomed.add(kv.key);
                }
            });
        }
        doomed.forEach(store::delete);
    }
}
