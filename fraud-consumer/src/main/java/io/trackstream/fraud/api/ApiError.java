package io.trackstream.fraud.api;

import io.trackstream.model.Violation;

import java.util.List;

/**
 * The body of every 4xx of the fraud API: a sentence, then each offending field.
 *
 * @param message what was wrong, in one sentence
 * @param detail one entry per bad field or parameter
 */
record ApiError(String message, List<Violation> detail) {
}
