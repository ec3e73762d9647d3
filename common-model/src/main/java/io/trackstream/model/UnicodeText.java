package io.trackstream.model;

/**
 * The one rule of text in contract v1: every string of an event, value or key, at any depth, is
 * Unicode text, that is, holds no lone UTF-16 surrogate. JSON can spell one (backslash-u-d800 is a
 * valid escape), but it is not a character: UTF-8 cannot encode it, so a store would refuse it or
 * write {@code ?} in its place, and two different ids would become one. Every reader of the
 * contract asks this class, and only this class.
 */
final class UnicodeText {

    static final String RULE = "must be valid Unicode text, without a lone UTF-16 surrogate";

    private UnicodeText() {
    }

    /** True when every high surrogate is followed by a low one and every low one preceded by a high one. */
    static boolean isWellFormed(String text) {
        return firstLoneSurrogate(text) < 0;
    }

    /** The index of the first lone surrogate, or -1 when there is none. */
    static int firstLoneSurrogate(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * The text with each lone surrogate spelled as its JSON escape (backslash, u, four hex
     * digits), so a message that quotes a client's input can itself be written as UTF-8.
     */
    static String printable(String text) {
        if (isWellFormed(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
