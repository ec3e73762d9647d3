package io.trackstream.bench;

import java.util.List;

/** Service settings for measuring: limits that protect production would measure themselves here. */
final class BenchSettings {

    /** ingest-api without its per-client rate limit (the load comes from one IP). */
    static final List<String> INGEST_ARGS = List.of("--trackstream.ingest.rate-limit.enabled=false");

    private BenchSettings() {
    }
}
