package io.trackstream.dashboard.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.trackstream.dashboard.DashboardProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open server-sent event streams. A message is encoded once and queued to every client; each
 * client's queue is written by a pooled sender thread, so a slow or dead client blocks at most its
 * own sender, never the broadcast or the others, and a client whose queue overflows is dropped
 * (its browser reconnects). A stream is forgotten on completion, timeout and error; a comment
 * every heartbeat keeps idle streams open through proxies.
 */
@Component
class SseHub implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SseHub.class);

    private final DashboardProperties.Sse settings;
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor senders;
    private final Counter dropped;

    SseHub(DashboardProperties properties, TaskScheduler scheduler, MeterRegistry registry) {
        this.settings = properties.sse();
        AtomicInteger threads = new AtomicInteger();
        // A thread per client being written to, up to 64, idle ones reused: a client stuck in a
        // blocking write (until Tomcat's write timeout) holds only its own.
        this.senders = new ThreadPoolExecutor(0, 64, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "sse-sender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        Gauge.builder("trackstream.dashboard.sse.clients", clients, Set::size)
                .description("open server-sent event streams").register(registry);
        this.dropped = Counter.builder("trackstream.dashboard.sse.dropped")
                .description("streams closed because the client fell behind").register(registry);
        scheduler.scheduleAtFixedRate(() -> broadcast(SseEmitter.event().comment("heartbeat").build()), settings.heartbeat());
    }

    SseEmitter open() {
        SseEmitter emitter = new SseEmitter(settings.timeout().toMillis());
        Client client = new Client(emitter);
        emitter.onCompletion(() -> clients.remove(client));
        emitter.onTimeout(() -> {
            clients.remove(client);
            emitter.complete();
        });
        emitter.onError(e -> clients.remove(client));
        clients.add(client);
        client.offer(SseEmitter.event().reconnectTime(settings.reconnect().toMillis()).comment("connected").build());
        return emitter;
    }

    /** Sends one named event whose data is JSON text to every open stream. */
    void broadcast(String name, String json) {
        broadcast(SseEmitter.event().name(name).data(json, MediaType.APPLICATION_JSON).build());
    }

    private void broadcast(Set<DataWithMediaType> message) {
        clients.forEach(client -> client.offer(message));
    }

    int clientCount() {
        return clients.size();
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    // Open streams are requests in progress: ended first (the highest phase stops first), they
    // would otherwise hold the web server's graceful shutdown for its whole timeout.
    @Override
    public void stop() {
        running = false;
        clients.forEach(client -> client.emitter.complete());
        clients.clear();
        senders.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    /** One stream and the messages not yet written to it; at most one sender writes it at a time. */
    private final class Client {

        private final SseEmitter emitter;
        private final Deque<Set<DataWithMediaType>> queue = new ArrayDeque<>();
        private boolean sending;

        Client(SseEmitter emitter) {
            this.emitter = emitter;
        }

        void offer(Set<DataWithMediaType> message) {
            synchronized (this) {
                if (queue.size() >= settings.maxQueued()) {
                    drop();
                    return;
                }
                queue.add(message);
                if (sending) {
                    return;
                }
                sending = true;
            }
            try {
                senders.execute(this::send);
            } catch (RejectedExecutionException busy) {
                synchronized (this) {
                    sending = false; // the next message tries again
                }
            }
        }

        private void send() {
            while (true) {
                Set<DataWithMediaType> message;
                synchronized (this) {
                    message = queue.poll();
                    if (message == null) {
                        sending = false;
                        return;
                    }
                }
                try {
                    emitter.send(message);
                } catch (IOException | IllegalStateException gone) {
                    clients.remove(this);
                    return;
                }
            }
        }

        private void drop() {
            if (clients.remove(this)) {
                dropped.increment();
                log.debug("dropping a server-sent event client that fell {} messages behind", queue.size());
                queue.clear();
                emitter.complete();
            }
        }
    }
}
