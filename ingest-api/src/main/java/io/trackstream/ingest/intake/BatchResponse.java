package io.trackstream.ingest.intake;

import io.trackstream.model.Violation;

import java.util.List;

/**
 * The answer to a batch: counts and one result per submitted index, in order, so no event is
 * dropped silently.
 *
 * @param status {@code accepted} (all), {@code partial} (some), {@code failed} (none reached Kafka)
 * @param message a sentence for humans
 * @param accepted events Kafka acknowledged
 * @param rejected events that broke the contract (not published)
 * @param failed valid events Kafka did not acknowledge in time (safe to resend)
 * @param results one per index
 */
public record BatchResponse(String status, String message, int accepted, int rejected, int failed, List<Item> results) {

    /**
     * @param index the event's position in {@code events}
     * @param status {@code accepted}, {@code rejected} or {@code failed}
     * @param eventId set when accepted or failed
     * @param errors the broken rules when rejected
     * @param reason why Kafka did not take it when failed
     * @param ignoredFields unknown fields accepted but ignored
     */
    public record Item(int index, String status, String eventId, List<Violation> errors, String reason,
                List<String> ignoredFields) {

        static Item accepted(int index, String eventId, List<String> ignored) {
            return new Item(index, "accepted", eventId, null, null, ignored.isEmpty() ? null : ignored);
        }

        static Item rejected(int index, List<Violation> errors) {
            return new Item(index, "rejected", null, errors, null, null);
        }

        static Item failed(int index, String eventId, String reason) {
            return new Item(index, "failed", eventId, null, reason, null);
        }

        public boolean isRejected() {
            return "rejected".equals(status);
        }

        public boolean isFailed() {
            return "failed".equals(status);
        }
    }
}
