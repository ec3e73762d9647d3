package io.trackstream.streams;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;
import java.util.Map;

/**
 * A query that reaches a state store while it migrates or restores (a rebalance) gets
 * {@code 503} with {@code Retry-After}, in the suite's error shape, not a 500: the store is back in
 * moments and the client should simply ask again.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
final class StoreUnavailableAdvice {

    static final String RETRY_AFTER_SECONDS = "1";

    @ExceptionHandler(InvalidStateStoreException.class)
    ResponseEntity<Map<String, Object>> storeUnavailable(InvalidStateStoreException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(Map.of("message", "State is being rebalanced; retry shortly", "detail", List.of()));
    }
}
