package io.switchboard.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Spring Boot's {@code %wEx} (and {@code %ex}, {@code %xEx} ...), with the line breaks of every exception message
 * escaped: messages often quote input ({@code invalid email 'x'}), and a stack trace's own lines all start with a
 * tab or {@code Caused by:}, so an escaped message cannot pass for a log line of its own.
 */
public final class OneLineThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy throwable) {
        return super.throwableProxyToString(OneLineThrowable.of(throwable));
    }

    /** A throwable as logback sees it, its messages (and those of its causes) escaped. */
    private record OneLineThrowable(IThrowableProxy throwable) implements IThrowableProxy {

        static IThrowableProxy of(IThrowableProxy throwable) {
            return throwable == null ? null : new OneLineThrowable(throwable);
        }

        @Override
        public String getMessage() {
            return OneLine.of(throwable.getMessage());
        }

        @Override
        public String getOverridingMessage() {
            return OneLine.of(throwable.getOverridingMessage());
        }

        @Override
        public String getClassName() {
            return throwable.getClassName();
        }

        @Override
        public StackTraceElementProxy[] getStackTraceElementProxyArray() {
            return throwable.getStackTraceElementProxyArray();
        }

        @Override
        public int getCommonFrames() {
            return throwable.getCommonFrames();
        }

        @Override
        public IThrowableProxy getCause() {
            return of(throwable.getCause());
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            IThrowableProxy[] suppressed = throwable.getSuppressed();
            if (suppressed == null) {
                return null;
            }
            IThrowableProxy[] safe = new IThrowableProxy[suppressed.length];
            for (int i = 0; i < suppressed.length; i++) {
                safe[i] = of(suppressed[i]);
            }
            return safe;
        }

        @Override
        public boolean isCyclic() {
            return throwable.isCyclic();
        }
    }
}
