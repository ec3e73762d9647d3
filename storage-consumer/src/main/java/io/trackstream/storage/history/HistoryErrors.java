package io.trackstream.storage.history;

import io.trackstream.model.ApiError;
import io.trackstream.model.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.List;

/** Maps bad history requests to {@code 400} with {@code {"message": ..., "detail": [{"field", "error"}]}}. */
@RestControllerAdvice(assignableTypes = HistoryController.class)
class HistoryErrors {

    @ExceptionHandler
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ApiError invalidQuery(InvalidQueryException e) {
        return new ApiError("Invalid history request: " + e.getMessage(), e.violations());
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ApiError typeMismatch(MethodArgumentTypeMismatchException e) {
        String error = Integer.class.equals(e.getRequiredType()) ? "must be an integer" : "has the wrong format";
        return new ApiError("Invalid history request: " + e.getName() + " " + error,
                List.of(new Violation(e.getName(), error)));
    }
}
