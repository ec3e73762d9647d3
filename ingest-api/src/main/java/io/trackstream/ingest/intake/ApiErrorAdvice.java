package io.trackstream.ingest.intake;

import io.trackstream.model.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.io.IOException;

/**
 * Gives every error the one {@link ApiError} shape, including the ones Spring MVC raises before a
 * controller runs (wrong media type, wrong method, unknown path, missing body), so none of them
 * turns into a 5xx or into Spring's default error page.
 */
@RestControllerAdvice
class ApiErrorAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorAdvice.class);

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<Object> tooLarge(PayloadTooLargeException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(ApiError.of("Payload too large", e.field(), e.getMessage()));
    }

    // The client went away or sent a broken stream: nothing was accepted, and it is the request's fault.
    @ExceptionHandler(IOException.class)
    ResponseEntity<Object> unreadable(IOException e) {
        return ResponseEntity.badRequest()
                .body(ApiError.of(ApiError.INVALID_PAYLOAD, "body", "could not be read: " + e.getMessage()));
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<Object> bug(RuntimeException e) {
        return internalError(e);
    }

    // The intake turns every Kafka failure into an answer, so anything else is a bug: answered as one, in the same shape.
    static ResponseEntity<Object> internalError(Throwable e) {
        log.error("The intake failed to produce an answer", e);
        return ResponseEntity.internalServerError().body(ApiError.of("Internal error", "body", "could not be processed"));
    }

    // The servlet's async timeout, a safety net: Kafka's delivery timeout answers 503 long before it.
    static ResponseEntity<Object> notQueuedInTime(String retryAfterSeconds) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .body(ApiError.of("Event could not be queued in time", "kafka", "no answer in time; retry later"));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        HttpHeaders answerHeaders = new HttpHeaders();
        answerHeaders.addAll(headers);
        ApiError error;
        if (ex instanceof HttpMediaTypeNotSupportedException e) {
            error = ApiError.of("Unsupported media type", "Content-Type",
                    "must be one of " + e.getSupportedMediaTypes() + ", was "
                            + (e.getContentType() == null ? "missing" : e.getContentType()));
        } else if (ex instanceof HttpRequestMethodNotSupportedException e) {
            error = ApiError.of("Method not allowed", "method",
                    e.getMethod() + " is not supported here; use " + e.getSupportedHttpMethods());
        } else if (statusCode.value() == 400) {
            error = ApiError.of(ApiError.INVALID_PAYLOAD, "body", String.valueOf(ex.getMessage()));
        } else {
            error = ApiError.of(reasonPhrase(statusCode), "request", String.valueOf(ex.getMessage()));
        }
        return ResponseEntity.status(statusCode).headers(answerHeaders).body(error);
    }

    private static String reasonPhrase(HttpStatusCode code) {
        HttpStatus status = HttpStatus.resolve(code.value());
        return status == null ? "Error " + code.value() : status.getReasonPhrase();
    }
}
