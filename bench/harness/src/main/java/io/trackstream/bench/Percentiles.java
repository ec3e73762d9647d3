package io.trackstream.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Latency percentiles of a set of samples (exact: the samples are sorted, not bucketed). */
record Percentiles(double p50, double p95, double p99, double p999, double max) {

    static Percentiles ofNanos(long[] samples, int count) {
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return new Percentiles(at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), at(sorted, 0.999),
                count == 0 ? 0 : sorted[count - 1] / 1e6);
    }

    Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("p50", p50);
        map.put("p95", p95);
        map.put("p99", p99);
        map.put("p99.9", p999);
        map.put("max", max);
        return map;
    }

    private static double at(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
