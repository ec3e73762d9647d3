package io.trackstream.storage.write;

/**
 * The store refused a write for what the events hold ({@link WriteFailure#CONTENT}), not because it
 * is unavailable. Retrying the same write cannot help; the listener finds which events it refuses
 * and dead-letters those.
 */
class StoreRefusedException extends RuntimeException {

    StoreRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
