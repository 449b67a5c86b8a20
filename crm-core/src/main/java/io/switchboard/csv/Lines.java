package io.switchboard.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The text's physical lines ({@code \n}, {@code \r\n} or {@code \r}), numbered from 1, with lines given back to be
 * read again: after a broken record the reader goes on at the line after the one it started on.
 */
final class Lines {

    /**
     * @param ending the line break that ended it ({@code ""} for the last line without one)
     * @param tooLong the line was longer than the limit and {@code text} is its start only
     */
    record Line(long number, String text, String ending, boolean tooLong) {}

    private final Reader in;
    private final int maxLength;
    private final char[] buffer = new char[16 * 1024];
    private final Deque<Line> givenBack = new ArrayDeque<>();
    private int position;
    private int limit;
    private long nextNumber = 1;

    Lines(Reader in, int maxLength) {
        this.in = in;
        this.maxLength = maxLength;
    }

    /** The next line, or {@code null} at the end of the text. */
    Line next() {
        if (!givenBack.isEmpty()) {
            return givenBack.pop();
        }
        StringBuilder text = new StringBuilder();
        boolean tooLong = false;
        while (true) {
            int c = read();
            if (c < 0) {
                return text.isEmpty() && !tooLong ? null : line(text, "", tooLong);
            }
            if (c == '\n') {
                return line(text, "\n", tooLong);
            }
            if (c == '\r') {
                if (peek() == '\n') {
                    read();
                    return line(text, "\r\n", tooLong);
                }
                return line(text, "\r", tooLong);
            }
            if (text.length() < maxLength) {
                text.append((char) c);
            } else {
                tooLong = true;
            }
        }
    }

    /** Lines to read again, in their order, before any new one. */
    void giveBack(List<Line> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            givenBack.push(lines.get(i));
        }
    }

    private Line line(StringBuilder text, String ending, boolean tooLong) {
        return new Line(nextNumber++, text.toString(), ending, tooLong);
    }

    private int read() {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++];
    }

    private int peek() {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position];
    }

    private boolean fill() {
        try {
            int read = in.read(buffer);
            while (read == 0) {
                read = in.read(buffer);
            }
            position = 0;
            limit = Math.max(read, 0);
            return read > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
