package io.trackstream.streams;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Supplies the stream services' defaults ({@value #RESOURCE}) as the lowest-precedence property
 * source: written once here, visible as plain properties, and overridden by anything a service or
 * its operator sets (application.yml, environment, command line).
 */
public final class StreamsDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "trackstream-streams-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(new PropertiesPropertySource("trackstreamStreamsDefaults",
                    PropertiesLoaderUtils.loadProperties(new ClassPathResource(RESOURCE, StreamsDefaults.class.getClassLoader()))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
