package io.trackstream.behavior.web;

import io.trackstream.model.Violation;

import java.util.List;

/**
 * The body of every 4xx of the behaviour API: a sentence, then each offending parameter.
 *
 * @param message what was wrong, in one sentence
 * @param detail one entry per bad parameter
 */
record ApiError(String message, List<Violation> detail) {
}
