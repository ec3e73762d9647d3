package io.trackstream.ingest.access;

import io.trackstream.ingest.ClientAddresses;
import io.trackstream.model.ApiError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Guards {@code /api/**} and the Segment-compatible {@code /v1/**}: with API keys configured, a
 * request needs a known key (else 401); then each client takes a token from its rate-limit bucket
 * (else 429 with Retry-After). Runs before the body is read, so a refused client costs next to nothing.
 *
 * <p>Where the key is: {@code X-API-Key} on {@code /api/}, or the {@code api_key} query parameter
 * for a beacon ({@code navigator.sendBeacon} cannot set headers; a write key is public in the page
 * anyway); on {@code /v1/} the user name of HTTP Basic, as Segment's write key is sent.
 */
final class AccessFilter extends OncePerRequestFilter {

    static final String API_KEY_HEADER = "X-API-Key";
    static final String API_KEY_PARAMETER = "api_key";
    private static final String SEGMENT_PATHS = "/v1/";

    private final Set<String> apiKeys;
    private final RateLimiter rateLimiter;
    private final ClientAddresses clientAddresses;
    private final JsonMapper mapper;

    /** @param rateLimiter null when rate limiting is off */
    AccessFilter(Set<String> apiKeys, RateLimiter rateLimiter, ClientAddresses clientAddresses, JsonMapper mapper) {
        this.apiKeys = Set.copyOf(apiKeys);
        this.rateLimiter = rateLimiter;
        this.clientAddresses = clientAddresses;
        this.mapper = mapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return !uri.startsWith("/api/") && !uri.startsWith(SEGMENT_PATHS);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client;
        if (apiKeys.isEmpty()) {
            client = "ip:" + clientAddresses.resolve(request);
        } else {
            boolean segment = request.getRequestURI().startsWith(SEGMENT_PATHS);
            String key = segment ? BasicAuth.userName(request.getHeader(HttpHeaders.AUTHORIZATION)) : apiKey(request);
            if (key == null || !apiKeys.contains(key)) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
                        segment ? "Basic realm=\"trackstream\"" : "ApiKey header=\"" + API_KEY_HEADER + "\"");
                String field = segment ? HttpHeaders.AUTHORIZATION : API_KEY_HEADER;
                write(response, HttpServletResponse.SC_UNAUTHORIZED, ApiError.of("Unauthorized", field,
                        key == null ? (segment ? "is required: HTTP Basic with the API key as the user name" : "is required")
                                : "is not a known API key"));
                return;
            }
            client = "key:" + key;
        }
        if (rateLimiter != null) {
            long waitNanos = rateLimiter.tryAcquire(client);
            if (waitNanos > 0) {
                long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L));
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                write(response, 429, ApiError.of("Too many requests", "rate",
                        "limit exceeded; retry after " + seconds + " s"));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static String apiKey(HttpServletRequest request) {
        String header = request.getHeader(API_KEY_HEADER);
        return header != null ? header : request.getParameter(API_KEY_PARAMETER);
    }

    private void write(HttpServletResponse response, int status, ApiError error) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(mapper.writeValueAsBytes(error));
    }
}
