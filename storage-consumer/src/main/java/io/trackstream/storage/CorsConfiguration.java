package io.trackstream.storage;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Lets the pages of the listed origins read the history API from the browser (the dashboard's
 * user lookup, served by another service on another port). Reads only: {@code GET}, no credentials.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CorsConfiguration.Cors.class)
class CorsConfiguration implements WebMvcConfigurer {

    private final Cors cors;

    CorsConfiguration(Cors cors) {
        this.cors = cors;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        if (!cors.allowedOrigins().isEmpty()) {
            registry.addMapping("/api/v1/users/**").allowedOrigins(cors.allowedOrigins().toArray(String[]::new)).allowedMethods("GET");
        }
    }

    /**
     * {@code trackstream.cors.*}
     *
     * @param allowedOrigins the origins ({@code scheme://host:port}) whose pages may call the history
     *        API; empty: none
     */
    @ConfigurationProperties("trackstream.cors")
    @Validated
    record Cors(@DefaultValue @NotNull List<String> allowedOrigins) {
    }
}
