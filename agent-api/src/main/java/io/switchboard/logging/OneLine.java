package io.switchboard.logging;

/**
 * Text from outside (a caller's name from the PBX, a CSV cell, a request path) made safe to write into one log line:
 * line breaks become the visible escapes {@code \r} and {@code \n}, so nobody can start a line of their own that
 * looks like the server's ({@code ERROR ... login failed for admin}). The other line separators some log viewers
 * honour (NEL, LS, PS) are escaped too.
 */
final class OneLine {

    private OneLine() {}

    static String of(String text) {
        if (text == null || !hasBreak(text)) {
            return text;
        }
        StringBuilder safe = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\r' -> safe.append("\\r");
                case '\n' -> safe.append("\\n");
                case '\u0085' -> safe.append("\\u0085");
                case '\u2028' -> safe.append("\\u2028");
                case '\u2029' -> safe.append("\\u2029");
                default -> safe.append(c);
            }
        }
        return safe.toString();
    }

    private static boolean hasBreak(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }
}
