package io.trackstream.analytics.api;

import io.trackstream.model.ApiError;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps bad analytics requests to {@code 400} with {@code {"message": ..., "detail": [{"field", "error"}]}}. */
@RestControllerAdvice(assignableTypes = AnalyticsController.class)
class AnalyticsErrors {

    @ExceptionHandler
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ApiError invalidQuery(InvalidQueryException e) {
        return new ApiError("Invalid analytics request: " + e.getMessage(), e.violations());
    }
}
