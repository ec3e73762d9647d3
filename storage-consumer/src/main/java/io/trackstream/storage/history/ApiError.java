package io.trackstream.storage.history;

import io.trackstream.model.Violation;

import java.util.List;

/**
 * The body of every 4xx of the history API: a sentence, then each offending field.
 *
 * @param message what was wrong, in one sentence
 * @param detail one entry per bad field
 */
record ApiError(String message, List<Violation> detail) {
}
