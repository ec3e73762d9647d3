package io.trackstream.fraud.api;

import io.trackstream.model.ApiError;
import io.trackstream.model.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.List;

/** Maps refused requests to the suite's error shape {@code {"message": ..., "detail": [{"field", "error"}]}}. */
@RestControllerAdvice(assignableTypes = {AlertsController.class, RulesController.class})
class ApiErrors {

    @ExceptionHandler
    ResponseEntity<ApiError> refused(ApiException e) {
        return ResponseEntity.status(e.status()).body(e.body());
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ApiError typeMismatch(MethodArgumentTypeMismatchException e) {
        String error = Integer.class.equals(e.getRequiredType()) ? "must be an integer" : "has the wrong format";
        return new ApiError("Invalid request: " + e.getName() + " " + error, List.of(new Violation(e.getName(), error)));
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ApiError unreadable(HttpMessageNotReadableException e) {
        return new ApiError("Invalid request: the body is not a JSON object of the documented shape",
                List.of(new Violation("body", "must be a JSON object like {\"enabled\":true,\"params\":{\"amount\":\"750.00\"}}")));
    }
}
