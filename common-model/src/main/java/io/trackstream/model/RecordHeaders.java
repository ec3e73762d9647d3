package io.trackstream.model;

/**
 * Names and values of the Kafka headers every record on {@link Topics#USER_ACTIVITIES} carries.
 * {@code event_id} is repeated in a header so consumers and the dead-letter tooling can deduplicate
 * or trace a record without parsing its value.
 */
public final class RecordHeaders {

    /** The event's {@code event_id}, UTF-8. */
    public static final String EVENT_ID = "event_id";

    /** The version of the wire contract the value was written with. */
    public static final String CONTRACT_VERSION = "contract_version";

    /** The only contract version so far: the one {@link EventCodec} reads and writes. */
    public static final String CONTRACT_VERSION_V1 = "1";

    private RecordHeaders() {
    }
}
