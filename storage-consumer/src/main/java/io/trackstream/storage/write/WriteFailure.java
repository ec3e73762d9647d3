package io.trackstream.storage.write;

import com.datastax.oss.driver.api.core.servererrors.InvalidConfigurationInQueryException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.type.codec.CodecNotFoundException;

import java.nio.charset.CharacterCodingException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Why a write failed, told by the type of the failure, here and nowhere else: because of what the
 * record holds, or because the store or the network is sick.
 *
 * <ul>
 *   <li>{@link #CONTENT}: Cassandra answered and refused this statement's values
 *       ({@link InvalidQueryException}, but not its subclass for a keyspace's configuration), or
 *       a value could not be encoded for it ({@link CodecNotFoundException}, the
 *       {@link IllegalArgumentException} a codec throws when binding, a
 *       {@link CharacterCodingException}). Writing it again would fail again: the record goes to the
 *       dead-letter topic with the reason, and its partition moves on.</li>
 *   <li>{@link #STORE}: everything else. Timeouts ({@code DriverTimeoutException}, read and write
 *       timeouts), no node available, unavailable replicas, closed or busy connections, overloaded or
 *       bootstrapping nodes, server errors, throttling, an interrupted write, a statement Cassandra
 *       finds malformed or unauthorised (our fault, not the record's) and any failure not known to be
 *       about content. They are retried without end: giving a record up needs a reason in the record.</li>
 * </ul>
 */
enum WriteFailure {
    CONTENT, STORE;

    static WriteFailure of(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof InvalidConfigurationInQueryException) {
            return STORE;
        }
        if (cause instanceof InvalidQueryException || cause instanceof CodecNotFoundException
                || cause instanceof IllegalArgumentException || cause instanceof CharacterCodingException) {
            return CONTENT;
        }
        return STORE;
    }

    /** The failure itself, out of the wrappers a future's join or get puts around it. */
    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
