package io.trackstream.storage.write;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.trackstream.model.EventCodec;
import io.trackstream.model.Topics;
import io.trackstream.model.UserActivityEvent;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class StorageListenerTests {

    private static final EventCodec CODEC = EventCodec.create();

    private final EventWriter writer = mock(EventWriter.class);
    private final DeadLetters deadLetters = mock(DeadLetters.class);
    private final Consumer<?, ?> consumer = mock(Consumer.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final StorageListener listener = new StorageListener(CODEC, writer, deadLetters, meters);

    @Test
    void writesTheValidEventsThenDeadLettersThePoisonOnes() {
        UserActivityEvent valid = event("e-1");
        ConsumerRecord<String, byte[]> poison = record(0, "{oops".getBytes(StandardCharsets.UTF_8));

        listener.onBatch(List.of(poison, record(1, CODEC.encode(valid))), consumer);

        var order = inOrder(writer, deadLetters);
        order.verify(writer).write(List.of(valid));
        order.verify(deadLetters).publish(eq(poison), anyList(), eq(consumer));
        assertThat(meters.get("trackstream.storage.batch.size").summary().totalAmount()).isEqualTo(2);
    }

    @Test
    void deadLettersNothingWhenTheWriteFailsSoARetryDoesNotRepeatIt() {
        doThrow(new StorageUnavailableException("down", new RuntimeException())).when(writer).write(anyList());

        assertThatExceptionOfType(StorageUnavailableException.class).isThrownBy(() -> listener.onBatch(
                List.of(record(0, new byte[0]), record(1, CODEC.encode(event("e-2")))), consumer));

        verify(deadLetters, never()).publish(any(), anyList(), any());
    }

    @Test
    void deadLettersOnlyTheRecordsTheStoreRefusesAndWritesTheRest() {
        UserActivityEvent good = event("e-good");
        UserActivityEvent refused = event("e-refused");
        ConsumerRecord<String, byte[]> refusedRecord = record(1, CODEC.encode(refused));
        List<List<UserActivityEvent>> writes = new java.util.ArrayList<>();
        doAnswer(call -> {
            List<UserActivityEvent> events = call.getArgument(0);
            if (events.contains(refused)) {
                throw new StoreRefusedException("Cassandra refused the write: InvalidQueryException: no", null);
            }
            writes.add(events);
            return null;
        }).when(writer).write(anyList());

        listener.onBatch(List.of(record(0, CODEC.encode(good)), refusedRecord, record(2, CODEC.encode(event("e-3")))),
                consumer);

        assertThat(writes).containsExactly(List.of(good), List.of(event("e-3")));
        verify(deadLetters).publishRefused(eq(refusedRecord), contains("InvalidQueryException"), eq(consumer));
        verify(deadLetters, never()).publish(any(), anyList(), any());
    }

    @Test
    void retriesTheBatchWhenTheStoreFailsWhileRefusedRecordsAreSought() {
        UserActivityEvent refused = event("e-refused");
        doAnswer(call -> {
            List<UserActivityEvent> events = call.getArgument(0);
            if (events.size() > 1) {
                throw new StoreRefusedException("refused", null);
            }
            throw new StorageUnavailableException("down", new RuntimeException());
        }).when(writer).write(anyList());

        assertThatExceptionOfType(StorageUnavailableException.class).isThrownBy(() -> listener.onBatch(
                List.of(record(0, CODEC.encode(refused)), record(1, CODEC.encode(event("e-2")))), consumer));

        verify(deadLetters, never()).publishRefused(any(), any(), any());
    }

    private static UserActivityEvent event(String id) {
        return new UserActivityEvent(id, "u-1", "click", Instant.parse("2026-03-09T10:00:00.123Z"), null,
                Instant.parse("2026-03-09T10:00:01Z"), null, null, null, null, null, null, null, null,
                "{\"k\":\"ü\"}", null, null);
    }

    private static ConsumerRecord<String, byte[]> record(long offset, byte[] value) {
        return new ConsumerRecord<>(Topics.USER_ACTIVITIES, 0, offset, "u-1", value);
    }
}
