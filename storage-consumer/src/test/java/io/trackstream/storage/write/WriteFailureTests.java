package io.trackstream.storage.write;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import com.datastax.oss.driver.api.core.RequestThrottlingException;
import com.datastax.oss.driver.api.core.connection.BusyConnectionException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.connection.HeartbeatException;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.servererrors.InvalidConfigurationInQueryException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.ServerError;
import com.datastax.oss.driver.api.core.servererrors.SyntaxError;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.WriteType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.codec.CodecNotFoundException;
import com.datastax.oss.driver.api.core.type.reflect.GenericType;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.MalformedInputException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class WriteFailureTests {

    private static final Node NODE = mock(Node.class);

    @Test
    void takesAValueTheStoreRefusesOrCannotEncodeForTheRecordsFault() {
        assertThat(WriteFailure.of(new InvalidQueryException(NODE, "Key length of 70000 is longer than maximum")))
                .isEqualTo(WriteFailure.CONTENT);
        assertThat(WriteFailure.of(new CodecNotFoundException(DataTypes.TEXT, GenericType.of(Object.class))))
                .isEqualTo(WriteFailure.CONTENT);
        assertThat(WriteFailure.of(new IllegalArgumentException("cannot encode", new MalformedInputException(1))))
                .isEqualTo(WriteFailure.CONTENT);
    }

    @Test
    void takesEveryFaultOfTheStoreOrTheNetworkForTheStores() {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", 9042);
        assertThat(new Throwable[] {
                new DriverTimeoutException("PT2S"),
                new NoNodeAvailableException(),
                new ClosedConnectionException("closed"),
                new HeartbeatException(address, "no answer", null),
                new BusyConnectionException(1024),
                new RequestThrottlingException("too many"),
                new UnavailableException(NODE, ConsistencyLevel.ONE, 1, 0),
                new WriteTimeoutException(NODE, ConsistencyLevel.ONE, 0, 1, WriteType.BATCH_LOG),
                new OverloadedException(NODE),
                new ServerError(NODE, "boom"),
                new SyntaxError(NODE, "our statement is wrong, not the record"),
                new InvalidConfigurationInQueryException(NODE, "keyspace misconfigured"),
                new IllegalStateException("Session is closed"),
                new InterruptedException()})
                .allSatisfy(failure -> assertThat(WriteFailure.of(failure)).as(failure.toString()).isEqualTo(WriteFailure.STORE));
    }

    @Test
    void looksThroughTheWrappersOfFutures() {
        InvalidQueryException refused = new InvalidQueryException(NODE, "refused");

        assertThat(WriteFailure.of(new CompletionException(new ExecutionException(refused)))).isEqualTo(WriteFailure.CONTENT);
        assertThat(WriteFailure.of(new CompletionException(new DriverTimeoutException("PT2S")))).isEqualTo(WriteFailure.STORE);
    }
}
