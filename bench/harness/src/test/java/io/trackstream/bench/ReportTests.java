package io.trackstream.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTests {

    @TempDir
    Path dir;

    @Test
    void writesTheFiguresWithTheirRatiosAndTheLatencyChart() throws Exception {
        Measurement raw = Measurement.throughput("raw Kafka producer", "records/s", 200_000, "baseline")
                .withLatency(new Percentiles(1, 2, 3, 4, 5));
        Measurement pipeline = Measurement.throughput("track POST", "events/s", 50_000, null)
                .withLatency(new Percentiles(0.4, 0.9, 2.5, 8, 12)).against(raw);

        Report.write(dir, "bench/run.sh --quick", Map.of("cores", "2"), List.of(raw, pipeline), Map.of("kafka", 420.0));

        assertThat(Files.readString(dir.resolve("report.md")))
                .contains("| track POST | 50,000 events/s | raw Kafka producer | 0.25 |")
                .contains("![latency percentiles](latency.png)");
        assertThat(Files.readString(dir.resolve("report.json"))).contains("\"ratio\" : 0.25");
        assertThat(Files.size(dir.resolve("latency.png"))).isPositive();
    }

    @Test
    void leavesMeasurementsWithoutLatencySamplesOutOfTheLogarithmicChart() throws Exception {
        Measurement measured = Measurement.throughput("track latency", "events/s", 5_000, null)
                .withLatency(new Percentiles(1.9, 3.2, 6.1, 40, 80));
        Measurement noSamples = Measurement.throughput("end-to-end", "events/s", 2_000, null)
                .withLatency(Percentiles.ofNanos(new long[0], 0));

        Report.write(dir, "bench/run.sh", Map.of(), List.of(measured, noSamples), Map.of());

        assertThat(Files.size(dir.resolve("latency.png"))).isPositive();
    }

    @Test
    void percentilesAreTakenFromTheSortedSamples() {
        long[] nanos = new long[1000];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = (nanos.length - i) * 1_000_000L; // 1000 ms down to 1 ms
        }

        Percentiles p = Percentiles.ofNanos(nanos, nanos.length);

        assertThat(p.p50()).isEqualTo(500.0);
        assertThat(p.p99()).isEqualTo(990.0);
        assertThat(p.max()).isEqualTo(1000.0);
    }
}
