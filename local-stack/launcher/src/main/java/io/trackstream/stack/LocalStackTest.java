package io.trackstream.stack;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an integration test that runs against the real local stack (see {@link LocalStackExtension}).
 * Put it before {@code @SpringBootTest}, so the stack is up before the context starts. A service that
 * uses no Cassandra says {@code cassandra = false}, and its test JVM starts Kafka alone.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LocalStackExtension.class)
public @interface LocalStackTest {

    /** Whether the test needs Cassandra (with the schema applied) beside Kafka. */
    boolean cassandra() default true;
}
