package io.trackstream.model;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The record contract of {@link Topics#USER_ACTIVITIES}, written once for every writer (the ingest
 * API, the simulator's Kafka sink, tests and the benchmark):
 * <ul>
 *   <li>key: the event's {@code user_id}, so one user's events keep their order on one partition
 *       and every per-user state of a stream processor lives in one task, with no repartition;</li>
 *   <li>record timestamp: the event's {@code timestamp} (event time, after clock-skew correction),
 *       so Kafka Streams windows an event the same way whoever wrote it;</li>
 *   <li>value: the event as {@link EventCodec#encode} writes it;</li>
 *   <li>headers: {@value RecordHeaders#EVENT_ID} and {@value RecordHeaders#CONTRACT_VERSION}.</li>
 * </ul>
 * Readers decode the value with {@link EventCodec#decodeRecord} (or {@link EventSerde}).
 */
public final class EventRecords {

    private static final byte[] CONTRACT_V1 = RecordHeaders.CONTRACT_VERSION_V1.getBytes(StandardCharsets.UTF_8);

    private final EventCodec codec;

    public EventRecords(EventCodec codec) {
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    /** The record for one accepted event; the event must carry an id, a user, a timestamp and received_at. */
    public ProducerRecord<String, byte[]> toRecord(UserActivityEvent event) {
        Objects.requireNonNull(event.eventId(), "event_id");
        Objects.requireNonNull(event.receivedAt(), "received_at");
        return new ProducerRecord<>(Topics.USER_ACTIVITIES, null, event.timestamp().toEpochMilli(),
                event.userId(), codec.encode(event), List.of(
                new RecordHeader(RecordHeaders.EVENT_ID, event.eventId().getBytes(StandardCharsets.UTF_8)),
                new RecordHeader(RecordHeaders.CONTRACT_VERSION, CONTRACT_V1)));
    }

    /** The {@value RecordHeaders#EVENT_ID} header of a record, or null when it has none. */
    public static String eventId(Headers headers) {
        Header header = headers.lastHeader(RecordHeaders.EVENT_ID);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
