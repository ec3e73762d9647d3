package io.trackstream.ingest.access;

import io.trackstream.ingest.ClientAddresses;
import io.trackstream.ingest.IngestProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import tools.jackson.databind.json.JsonMapper;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * CORS, API keys and rate limits in front of the API; an open API is allowed but said out loud at start.
 * CORS runs first, so a preflight is answered without an API key (browsers never send one with it)
 * and a 401 or 429 still carries the headers that let the page read it.
 */
@Configuration(proxyBeanMethods = false)
public class AccessConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AccessConfiguration.class);

    @Bean
    AccessFilter accessFilter(IngestProperties properties, ClientAddresses clientAddresses, JsonMapper mapper) {
        Set<String> keys = new HashSet<>();
        for (String key : properties.apiKeys()) {
            if (key != null && !key.isBlank()) {
                keys.add(key.trim());
            }
        }
        if (keys.isEmpty()) {
            log.warn("No API keys configured (trackstream.ingest.api-keys): the ingest API is OPEN to anyone "
                    + "who can reach it. Fine for the local demo, not for production.");
        }
        IngestProperties.RateLimit limit = properties.rateLimit();
        RateLimiter limiter = limit.enabled()
                ? new RateLimiter(limit.capacity(), limit.refillPerSecond(), limit.maxClients())
                : null;
        return new AccessFilter(keys, limiter, clientAddresses, mapper);
    }

    @Bean
    FilterRegistrationBean<CorsFilter> corsFilter(IngestProperties properties) {
        IngestProperties.Cors cors = properties.cors();
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(cors.allowedOrigins());
        config.setAllowedMethods(List.of(HttpMethod.POST.name()));
        config.setAllowedHeaders(List.of(HttpHeaders.CONTENT_TYPE, AccessFilter.API_KEY_HEADER, HttpHeaders.AUTHORIZATION));
        // The tracker backs off by Retry-After, so a page must be able to read it on a 429 or 503.
        config.setExposedHeaders(List.of(HttpHeaders.RETRY_AFTER));
        config.setAllowCredentials(false);
        config.setMaxAge(cors.maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!cors.allowedOrigins().isEmpty()) {
            source.registerCorsConfiguration("/api/**", config);
            source.registerCorsConfiguration("/v1/**", config);
        }
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(new CorsFilter(source));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
