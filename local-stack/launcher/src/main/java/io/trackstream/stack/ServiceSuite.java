package io.trackstream.stack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * Every built service of {@code local-stack/services.conf}, started in order on the stack, each
 * awaited on its health before the next; stopped in reverse order. The demo runs them on their
 * well-known ports; a test can move every port (an argument naming {@code 127.0.0.1:<port>} of
 * another service, such as the simulator's ingest URL, moves with it).
 */
public final class ServiceSuite implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceSuite.class);

    private final List<JvmProcess> processes = new ArrayList<>();
    private final Map<String, Integer> httpPorts = new LinkedHashMap<>();

    private ServiceSuite() {
    }

    /**
     * @param ports the port each configured port becomes (identity for the demo)
     */
    public static ServiceSuite start(LocalStack stack, Path servicesFile, Path logDir, IntUnaryOperator ports) {
        ServiceSuite suite = new ServiceSuite();
        ServiceLauncher launcher = new ServiceLauncher(stack, logDir);
        List<ServiceSpec> specs = ServiceSpec.read(servicesFile);
        Map<Integer, Integer> moved = new LinkedHashMap<>();
        specs.forEach(spec -> spec.httpPort().ifPresent(p -> moved.put(p, ports.applyAsInt(p))));
        for (ServiceSpec spec : specs) {
            int port = spec.httpPort().isPresent() ? moved.get(spec.httpPort().getAsInt()) : -1;
            List<String> args = spec.args().stream().map(arg -> movePorts(arg, moved)).toList();
            try {
                launcher.start(spec.name(), ReactorJars.root().resolve(spec.jar()), spec.heap(), port, args).ifPresent(process -> {
                    suite.processes.add(process);
                    if (port > 0) {
                        suite.httpPorts.put(spec.name(), port);
                    }
                });
            } catch (IllegalStateException unhealthy) {
                // keep the rest running; the message points at the service's log
                log.warn(unhealthy.getMessage());
            }
        }
        return suite;
    }

    private static String movePorts(String arg, Map<Integer, Integer> moved) {
        String result = arg;
        for (Map.Entry<Integer, Integer> port : moved.entrySet()) {
            result = result.replace("127.0.0.1:" + port.getKey(), "127.0.0.1:" + port.getValue());
        }
        return result;
    }

    public List<JvmProcess> processes() {
        return List.copyOf(processes);
    }

    /** The HTTP port of each running service, by name. */
    public Map<String, Integer> httpPorts() {
        return Map.copyOf(httpPorts);
    }

    /** Every running service's {@code host:port}, as Prometheus scrapes them. */
    public List<String> metricsTargets() {
        return httpPorts.values().stream().map(port -> "127.0.0.1:" + port).toList();
    }

    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).stop(Duration.ofSeconds(30));
        }
    }
}
