package io.trackstream.ingest;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** What slice test classes share: MockMvc, and the fake publisher emptied before each test. */
public abstract class SliceTestBase {

    @Autowired
    protected MockMvcTester mvc;

    @Autowired
    protected FakePublisher publisher;

    @BeforeEach
    void resetPublisher() {
        publisher.reset();
    }
}
