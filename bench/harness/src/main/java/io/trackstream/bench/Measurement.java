package io.trackstream.bench;

import java.util.Map;

/**
 * One figure of the report: a throughput (events/s, rows/s) or a latency set (ms), with the raw
 * baseline it is compared to and the ratio, both measured in the same run.
 */
record Measurement(String name, String unit, double value, String baseline, Double ratio,
                   Map<String, Double> latencyMs, String note) {

    static Measurement throughput(String name, String unit, double perSecond, String note) {
        return new Measurement(name, unit, perSecond, null, null, Map.of(), note);
    }

    Measurement against(Measurement baseline) {
        return new Measurement(name, unit, value, baseline.name(), baseline.value() == 0 ? null : value / baseline.value(), latencyMs, note);
    }

    Measurement noted(String more) {
        return new Measurement(name, unit, value, baseline, ratio, latencyMs, note == null ? more : note + "; " + more);
    }

    Measurement withLatency(Percentiles percentiles) {
        return new Measurement(name, unit, value, baseline, ratio, percentiles.asMap(), note);
    }
}
