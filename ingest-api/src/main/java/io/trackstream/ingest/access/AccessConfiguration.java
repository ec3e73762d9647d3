package io.trackstream.ingest.access;

import io.trackstream.ingest.ClientAddresses;
import io.trackstream.ingest.IngestProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import java.util.HashSet;
import java.util.Set;

/** API keys and rate limits in front of the API; an open API is allowed but said out loud at start. */
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
}
