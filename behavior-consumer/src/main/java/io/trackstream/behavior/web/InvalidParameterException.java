package io.trackstream.behavior.web;

/** A request parameter that breaks its rule; answered with {@code 400} naming it. */
final class InvalidParameterException extends RuntimeException {

    private final String parameter;
    private final String error;

    InvalidParameterException(String parameter, String error) {
        super(parameter + " " + error);
        this.parameter = parameter;
        this.error = error;
    }

    String parameter() {
        return parameter;
    }

    String error() {
        return error;
    }
}
