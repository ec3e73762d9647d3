package io.trackstream.ingest.intake;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The body limit holds before and while reading, so a huge body is never buffered. */
class BoundedBodyTests {

    private static final int LIMIT = 1024;

    @Test
    void refusesADeclaredTenMegabyteBodyWithoutReadingAByte() {
        EndlessRequest request = new EndlessRequest(10L * 1024 * 1024);

        assertThatThrownBy(() -> BoundedBody.read(request, LIMIT)).isInstanceOf(PayloadTooLargeException.class);
        assertThat(request.bytesRead.get()).isZero();
    }

    @Test
    void stopsReadingAnUndeclaredBodyOneBytePastTheLimit() {
        EndlessRequest request = new EndlessRequest(-1);

        assertThatThrownBy(() -> BoundedBody.read(request, LIMIT)).isInstanceOf(PayloadTooLargeException.class);
        assertThat(request.bytesRead.get()).isLessThanOrEqualTo(LIMIT + 1);
    }

    @Test
    void readsABodyUpToTheLimit() throws IOException {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setContent(new byte[LIMIT]);

        assertThat(BoundedBody.read(request, LIMIT)).hasSize(LIMIT);
    }

    /** A request whose body never ends, counting what was taken from it. */
    private static final class EndlessRequest extends MockHttpServletRequest {

        final AtomicLong bytesRead = new AtomicLong();
        private final long declaredLength;

        EndlessRequest(long declaredLength) {
            this.declaredLength = declaredLength;
        }

        @Override
        public long getContentLengthLong() {
            return declaredLength;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new ServletInputStream() {
                @Override
                public int read() {
                    bytesRead.incrementAndGet();
                    return '{';
                }

                @Override
                public boolean isFinished() {
                    return false;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                }
            };
        }
    }
}
