package io.trackstream.analytics.compute;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The keys changed since the last flush. In memory only: after a crash the task rewrites everything
 * it holds ({@link #markAll}), so losing this set loses nothing.
 */
final class DirtyKeys {

    final Set<String> summaries = new LinkedHashSet<>();
    final Set<String> pages = new LinkedHashSet<>();
    final Set<String> products = new LinkedHashSet<>();
    final Set<String> countries = new LinkedHashSet<>();
    final Set<String> funnel = new LinkedHashSet<>();
    final Set<String> topUserDays = new LinkedHashSet<>();

    /** Most events first; ties by user id, so that the partitions' lists merge into the exact global list. */
    static final Comparator<KeyValue<String, UserDay>> MOST_ACTIVE =
            Comparator.<KeyValue<String, UserDay>>comparingLong(kv -> -kv.value.events()).thenComparing(kv -> kv.key);

    boolean isEmpty() {
        return summaries.isEmpty() && pages.isEmpty() && products.isEmpty() && countries.isEmpty() && funnel.isEmpty()
                && topUserDays.isEmpty();
    }

    void clear() {
        summaries.clear();
        pages.clear();
        products.clear();
        countries.clear();
        funnel.clear();
        topUserDays.clear();
    }

    void markAll(AnalyticsStores stores) {
        addKeys(stores.summaries(), summaries, Function.identity());
        addKeys(stores.pages(), pages, Function.identity());
        addKeys(stores.products(), products, Function.identity());
        addKeys(stores.countries(), countries, Function.identity());
        addKeys(stores.funnel(), funnel, Function.identity());
        addKeys(stores.userDays(), topUserDays, key -> key.substring(0, key.indexOf('|')));
    }

    private static void addKeys(KeyValueStore<String, ?> store, Set<String> into, Function<String, String> map) {
        try (KeyValueIterator<String, ?> it = store.all()) {
            it.forEachRemaining(kv -> into.add(map.apply(kv.key)));
        }
    }

    AnalyticsRows rows(AnalyticsStores stores, int topUsers, int partition) {
        List<AnalyticsRows.TopUser> top = new ArrayList<>();
        for (String day : topUserDays) {
            List<KeyValue<String, UserDay>> users = stores.usersOf(day);
            users.sort(MOST_ACTIVE);
            java.time.LocalDate date = java.time.LocalDate.parse(day);
            for (int rank = 1; rank <= Math.min(topUsers, users.size()); rank++) {
                KeyValue<String, UserDay> user = users.get(rank - 1);
                top.add(new AnalyticsRows.TopUser(date, partition, rank, user.key, user.value.events()));
            }
        }
        return new AnalyticsRows(values(stores.summaries(), summaries), values(stores.pages(), pages),
                values(stores.products(), products), values(stores.countries(), countries),
                values(stores.funnel(), funnel), top);
    }

    private static <V> List<V> values(KeyValueStore<String, V> store, Set<String> keys) {
        List<V> values = new ArrayList<>(keys.size());
        for (String key : keys) {
            V value = store.get(key);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }
}
