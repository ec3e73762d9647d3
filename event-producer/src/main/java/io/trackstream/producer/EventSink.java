package io.trackstream.producer;

import io.trackstream.model.UserActivityEvent;

/**
 * Where the simulated events go. {@link #send} is asynchronous and may block only to bound the work
 * in flight; {@link #flush} waits until every event sent so far is acknowledged or failed.
 */
interface EventSink extends AutoCloseable {

    void send(UserActivityEvent event);

    void flush();

    /** Events the destination acknowledged. */
    long acknowledged();

    /** Events the destination refused or that failed to arrive. */
    long failed();

    @Override
    void close();
}
