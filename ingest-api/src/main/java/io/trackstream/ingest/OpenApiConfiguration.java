package io.trackstream.ingest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description served at /v3/api-docs (Swagger UI at /swagger-ui.html). Swagger reads
 * the response types with its own (Jackson 2) mapper, so it is told about snake_case here to
 * describe the JSON the API really writes.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    OpenAPI ingestOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Trackstream ingest API")
                .version("v1")
                .description("Send user activity events. 202 means Kafka holds the event; 503 with Retry-After "
                        + "means it does not, so send again. Events follow contract v1 (snake_case, ISO-8601 "
                        + "UTC instants). With API keys configured, send X-API-Key."));
    }
}
