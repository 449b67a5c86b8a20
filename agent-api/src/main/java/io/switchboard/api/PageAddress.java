package io.switchboard.api;

/**
 * Where the browser loaded the page from: the request's scheme, host and port (after Spring's forward-headers
 * strategy, when one is configured, has applied a proxy's {@code X-Forwarded-*} or {@code Forwarded} headers).
 */
record PageAddress(String scheme, String host, int port) {

    boolean secure() {
        return "https".equalsIgnoreCase(scheme);
    }

    /** The host as it goes into a URL: an IPv6 address in brackets. */
    String hostForUrl() {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    boolean defaultPort() {
        return port <= 0 || (secure() ? port == 443 : port == 80);
    }
}
