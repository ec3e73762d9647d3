package io.trackstream.ingest.sdk;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.util.DigestUtils;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the browser tracker at {@code /sdk/trackstream.js}. Pages load it on every visit, so
 * browsers and CDNs may keep it for an hour, and revalidate it cheaply with its ETag (a hash of the
 * content, so a new release is seen within the hour without a versioned URL).
 */
@Configuration(proxyBeanMethods = false)
public class SdkConfiguration implements WebMvcConfigurer {

    static final Duration MAX_AGE = Duration.ofHours(1);

    private final Map<String, String> etags = new ConcurrentHashMap<>();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/sdk/**")
                .addResourceLocations("classpath:/sdk/")
                .setCacheControl(CacheControl.maxAge(MAX_AGE).cachePublic())
                .setEtagGenerator(this::etag);
    }

    private String etag(Resource resource) {
        return etags.computeIfAbsent(resource.getDescription(), description -> {
            try (InputStream in = resource.getInputStream()) {
                return "\"" + DigestUtils.md5DigestAsHex(in) + "\"";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
