package io.switchboard.api;

import io.switchboard.gateway.edge.EdgeProperties;

/**
 * The WebSocket URL a desktop is told to open with its token. The browser only knows where its page came from; the
 * server knows where the edge is: a configured public URL (a reverse proxy's {@code wss://desk.example.com/cti}),
 * a path under the page's own origin (a proxy that passes {@code /cti} to the edge), or else the host the page was
 * loaded from with the edge's own port and path. A page loaded over HTTPS gets {@code wss:}: browsers refuse a plain
 * WebSocket from a secure page.
 */
final class CtiEdgeUrl {

    private CtiEdgeUrl() {}

    static String of(EdgeProperties edge, int edgePort, PageAddress page) {
        String scheme = page.secure() ? "wss" : "ws";
        String publicUrl = edge.publicUrlIfSet().orElse(null);
        if (publicUrl != null && !publicUrl.startsWith("/")) {
            return publicUrl;
        }
        if (publicUrl != null) {
            return scheme + "://" + page.hostForUrl() + (page.defaultPort() ? "" : ":" + page.port()) + publicUrl;
        }
        return scheme + "://" + page.hostForUrl() + ":" + edgePort + edge.path();
    }
}
