package io.trackstream.storage.write;

import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.DriverExecutionProfile;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import io.trackstream.storage.StorageProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class WriteThrottlerTests {

    @Test
    void queuesEveryStatementTheListenerThreadsCanSendAtOnce() {
        // Six threads, each with a poll of 2,000 records: a row and an index row per record at most.
        assertThat(WriteConfiguration.maxQueueSize(6, 2000)).isEqualTo(6 * 2 * 2000 + WriteConfiguration.OTHER_REQUESTS);
        assertThat(WriteConfiguration.maxQueueSize(null, null)).isEqualTo(2 * 500 + WriteConfiguration.OTHER_REQUESTS);
    }

    @Test
    void limitsTheSessionWithTheDriversConcurrencyLimitingThrottler() {
        KafkaProperties kafka = new KafkaProperties();
        kafka.getListener().setConcurrency(6);
        kafka.getConsumer().setMaxPollRecords(2000);
        StorageProperties storage = new StorageProperties(io.trackstream.cassandra.BucketSize.DAY, Duration.ofDays(90),
                1024, 20, new StorageProperties.Retry(Duration.ofMillis(500), Duration.ofSeconds(10)));
        ProgrammaticDriverConfigLoaderBuilder builder = DriverConfigLoader.programmaticBuilder();

        new WriteConfiguration().writeThrottler(storage, kafka).customize(builder);

        DriverExecutionProfile profile;
        try (DriverConfigLoader loader = builder.build()) {
            profile = loader.getInitialConfig().getDefaultProfile();
        }
        assertThat(profile.getString(DefaultDriverOption.REQUEST_THROTTLER_CLASS)).endsWith("ConcurrencyLimitingRequestThrottler");
        assertThat(profile.getInt(DefaultDriverOption.REQUEST_THROTTLER_MAX_CONCURRENT_REQUESTS)).isEqualTo(1024);
        assertThat(profile.getInt(DefaultDriverOption.REQUEST_THROTTLER_MAX_QUEUE_SIZE)).isEqualTo(25_000);
    }
}
