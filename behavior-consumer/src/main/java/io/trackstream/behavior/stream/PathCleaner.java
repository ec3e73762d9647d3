package io.trackstream.behavior.stream;

import java.net.URI;
import java.util.List;

/**
 * Turns a page URL into the page it stands for, so that journeys group: the query string and the
 * fragment go, an absolute URL keeps only its path, then each rule applies in order
 * ({@code /p/123?ref=x} becomes {@code /p/:id}).
 */
final class PathCleaner {

    private final List<PathRule> rules;

    PathCleaner(List<PathRule> rules) {
        this.rules = List.copyOf(rules);
    }

    String clean(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String path = url.strip();
        int cut = indexOfAny(path, '?', '#');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        if (path.contains("://")) {
            try {
                path = URI.create(path).getRawPath();
            } catch (IllegalArgumentException e) {
                // not a URI after all: keep the text as the page name
            }
        }
        if (path == null || path.isEmpty()) {
            path = "/";
        }
        for (PathRule rule : rules) {
            path = rule.apply(path);
        }
        return path;
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
