package io.trackstream.behavior.web;

import io.trackstream.model.ApiError;
import io.trackstream.model.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.List;

/** Maps bad requests to {@code 400} naming the parameter, an unknown user to {@code 404}; the suite's error shape. */
@RestControllerAdvice(assignableTypes = BehaviorController.class)
class BehaviorErrors {

    @ExceptionHandler
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ApiError invalidParameter(InvalidParameterException e) {
        return new ApiError("Invalid request: " + e.getMessage(), List.of(new Violation(e.parameter(), e.error())));
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ApiError typeMismatch(MethodArgumentTypeMismatchException e) {
        String error = Integer.class.equals(e.getRequiredType()) || int.class.equals(e.getRequiredType())
                ? "must be an integer" : "has the wrong format";
        return new ApiError("Invalid request: " + e.getName() + " " + error, List.of(new Violation(e.getName(), error)));
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ApiError unknownUser(UnknownUserException e) {
        return new ApiError(e.getMessage(), List.of());
    }
}
