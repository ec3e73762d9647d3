package io.trackstream.bench;

import io.trackstream.model.EventCodec;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes the run's figures as JSON (for tools), Markdown (for people) and a latency chart (PNG). */
final class Report {

    private static final List<String> PERCENTILES = List.of("p50", "p95", "p99", "p99.9");

    private Report() {
    }

    static void write(Path dir, String command, Map<String, String> machine, List<Measurement> measurements,
                      Map<String, Double> rssMiB) {
        try {
            Files.createDirectories(dir);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("command", command);
            json.put("machine", machine);
            json.put("measurements", measurements);
            json.put("rss_mib", rssMiB);
            Files.writeString(dir.resolve("report.json"),
                    EventCodec.create().mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
            boolean chart = writeChart(dir.resolve("latency.png"), measurements);
            Files.writeString(dir.resolve("report.md"), markdown(command, machine, measurements, rssMiB, chart));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String markdown(String command, Map<String, String> machine, List<Measurement> measurements,
                                   Map<String, Double> rssMiB, boolean chart) {
        StringBuilder md = new StringBuilder("# Trackstream benchmark\n\nProduced by `").append(command).append("`.\n\n## Machine\n\n");
        machine.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("\n## Figures\n\n| measurement | value | baseline (same run) | ratio | p50 ms | p99 ms | note |\n|---|---|---|---|---|---|---|\n");
        for (Measurement m : measurements) {
            md.append("| ").append(m.name())
                    .append(" | ").append(String.format(Locale.ROOT, "%,.0f %s", m.value(), m.unit()))
                    .append(" | ").append(m.baseline() == null ? "-" : m.baseline())
                    .append(" | ").append(m.ratio() == null ? "-" : String.format(Locale.ROOT, "%.2f", m.ratio()))
                    .append(" | ").append(latency(m, "p50")).append(" | ").append(latency(m, "p99"))
                    .append(" | ").append(m.note() == null ? "" : m.note()).append(" |\n");
        }
        md.append("\n## Memory (RSS at the end of the run)\n\n| process | RSS MiB |\n|---|---|\n");
        rssMiB.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(String.format(Locale.ROOT, "%.0f", v)).append(" |\n"));
        if (chart) {
            md.append("\n## Latency percentiles\n\n![latency percentiles](latency.png)\n");
        }
        return md.toString();
    }

    private static String latency(Measurement m, String key) {
        Double value = m.latencyMs().get(key);
        return value == null ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static boolean writeChart(Path file, List<Measurement> measurements) throws IOException {
        // A log axis cannot show 0, and a missing percentile is not 0 ms: such series are left out.
        List<Measurement> withLatency = measurements.stream()
                .filter(m -> PERCENTILES.stream().allMatch(p -> m.latencyMs().getOrDefault(p, 0.0) > 0))
                .toList();
        if (withLatency.isEmpty()) {
            return false;
        }
        System.setProperty("java.awt.headless", "true");
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(500)
                .title("Latency percentiles (ms)").xAxisTitle("percentile").yAxisTitle("ms (log scale)").build();
        // The figures range from about 1 ms to seconds: on a linear axis the fast ones are flat lines.
        chart.getStyler().setYAxisLogarithmic(true);
        double smallest = Double.MAX_VALUE;
        for (Measurement m : withLatency) {
            List<Double> values = new ArrayList<>();
            for (String p : PERCENTILES) {
                values.add(m.latencyMs().get(p));
                smallest = Math.min(smallest, m.latencyMs().get(p));
            }
            chart.addSeries(m.name(), PERCENTILES, values);
        }
        // Bars start from the axis minimum, which xchart puts at 0 unless told: a log axis needs
        // a positive one, here the power of ten at or below the smallest figure.
        chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(smallest))));
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        return true;
    }
}
