package io.trackstream.ingest;

import io.trackstream.ingest.access.AccessConfiguration;
import io.trackstream.ingest.intake.IntakeConfiguration;
import io.trackstream.ingest.sdk.SdkConfiguration;
import io.trackstream.ingest.segment.SegmentConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The web slice of the ingest API with the real codec, enrichment, access filter and error
 * handling, and a {@link FakePublisher} instead of Kafka. Test classes with the same properties
 * share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@Import({CoreConfiguration.class, IntakeConfiguration.class, AccessConfiguration.class, SdkConfiguration.class,
        SegmentConfiguration.class, SliceTestBeans.class})
public @interface IngestSliceTest {
}
