package io.trackstream.storage.history;

import com.datastax.oss.driver.api.core.CqlSession;
import io.trackstream.model.EventCodec;
import io.trackstream.storage.StorageProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Wires the history reader on the session and layout the writer uses, and lets every user id the
 * contract accepts reach it in the path.
 */
@Configuration(proxyBeanMethods = false)
class HistoryConfiguration {

    @Bean
    HistoryReader historyReader(CqlSession session, StorageProperties properties, EventCodec codec) {
        return new HistoryReader(session, properties.layout(), codec, Clock.systemUTC(),
                codec.policy().maxFutureSkew());
    }

    // The contract accepts a user id with a slash or a backslash in it; a client sends it encoded (%2F, %5C),
    // which Tomcat refuses by default with a 400 page of its own before Spring sees the request.
    // Passed through, Spring decodes it into {userId}. system-tests found this with a generated id.
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> slashesInUserIds() {
        return factory -> factory.addConnectorCustomizers(connector -> {
            connector.setEncodedSolidusHandling("passthrough");
            connector.setEncodedReverseSolidusHandling("passthrough");
        });
    }
}
