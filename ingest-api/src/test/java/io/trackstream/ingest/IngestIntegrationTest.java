package io.trackstream.ingest;

import io.trackstream.stack.LocalStackTest;
import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole application on a random port against the real local stack. Every class with this
 * annotation shares one context; the short delivery timeout keeps the broker-outage test quick.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@LocalStackTest(cassandra = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "trackstream.ingest.api-keys=" + Http.API_KEY,
        "trackstream.ingest.kafka.delivery-timeout=3s",
        "trackstream.ingest.kafka.retry-after=2s",
        "trackstream.ingest.kafka.health-cache-ttl=500ms"})
public @interface IngestIntegrationTest {
}
