package io.trackstream.storage.write;

/**
 * A batch could not be written completely. Thrown out of the listener so that nothing of the batch
 * is committed and the container retries it after a back-off.
 */
class StorageUnavailableException extends RuntimeException {

    StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
