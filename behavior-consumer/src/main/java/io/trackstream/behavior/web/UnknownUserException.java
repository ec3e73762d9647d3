package io.trackstream.behavior.web;

/** No profile for this user (yet): {@code 404}. */
final class UnknownUserException extends RuntimeException {

    UnknownUserException(String userId) {
        super("No profile for user " + userId + ": no event of this user has been processed");
    }
}
