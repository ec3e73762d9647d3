package io.trackstream.storage.history;

import com.datastax.oss.driver.api.core.CqlSession;
import io.trackstream.model.EventCodec;
import io.swagger.v3.oas.models.media.Schema;
import io.trackstream.model.UserActivityEvent;
import io.trackstream.storage.StorageProperties;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

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

    // The history API answers UserActivityEvent itself; its metadata is JSON object text written raw
    // (@JsonRawValue), which the schema generator can only see as a string. Told here, not in the contract.
    @Bean
    OpenApiCustomizer metadataIsAnObject() {
        return openApi -> {
            Map<String, Schema> schemas = openApi.getComponents() == null ? null : openApi.getComponents().getSchemas();
            Schema<?> event = schemas == null ? null : schemas.get(UserActivityEvent.class.getSimpleName());
            if (event != null && event.getProperties() != null && event.getProperties().containsKey("metadata")) {
                event.getProperties().put("metadata", new Schema<>().type("object").types(Set.of("object"))
                        .description("the client's metadata object, as it was sent"));
            }
        };
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
