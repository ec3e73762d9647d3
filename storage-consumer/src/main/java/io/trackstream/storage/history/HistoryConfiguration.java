package io.trackstream.storage.history;

import com.datastax.oss.driver.api.core.CqlSession;
import io.trackstream.model.EventCodec;
import io.trackstream.storage.StorageProperties;
import io.trackstream.storage.WrittenPartitions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Wires the history reader on the session and layout the writer uses. */
@Configuration(proxyBeanMethods = false)
class HistoryConfiguration {

    @Bean
    HistoryReader historyReader(CqlSession session, StorageProperties properties, EventCodec codec,
            WrittenPartitions written) {
        return new HistoryReader(session, properties.layout(), written, Clock.systemUTC(),
                codec.policy().maxFutureSkew());
    }
}
