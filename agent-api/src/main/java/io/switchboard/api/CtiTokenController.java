package io.switchboard.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.gateway.edge.CtiEdge;
import io.switchboard.gateway.edge.EdgeProperties;
import io.switchboard.gateway.edge.EdgeToken;
import io.switchboard.gateway.edge.EdgeTokens;
import io.switchboard.gateway.edge.EdgeUser;
import io.switchboard.security.CtiLogins;
import io.switchboard.security.SwitchboardUser;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/cti/token")
@Tag(name = "CTI edge", description = "Tokens that open the desktop WebSocket")
class CtiTokenController {

    /**
     * @param token pass as {@code ?token=} (or subprotocol {@code switchboard.token.<token>}) when opening the socket;
     *     good for one connection, until {@code expiresAt}
     * @param url the WebSocket URL to open, such as {@code ws://10.1.2.3:8090/cti} or {@code wss://desk.example.com/cti}
     * @param port the CTI edge's port; the path is {@code path} (kept for older clients: use {@code url})
     */
    record CtiTokenResponse(String token, Instant expiresAt, String url, int port, String path) {}

    private final ObjectProvider<EdgeTokens> tokens;
    private final ObjectProvider<EdgeProperties> properties;
    private final ObjectProvider<CtiEdge> edges;
    private final CtiLogins logins;

    CtiTokenController(
            ObjectProvider<EdgeTokens> tokens,
            ObjectProvider<EdgeProperties> properties,
            ObjectProvider<CtiEdge> edges,
            CtiLogins logins) {
        this.tokens = tokens;
        this.properties = properties;
        this.edges = edges;
        this.logins = logins;
    }

    @PostMapping
    CtiTokenResponse issue(@AuthenticationPrincipal SwitchboardUser me, HttpServletRequest request) {
        EdgeTokens issuer = tokens.getIfAvailable();
        EdgeProperties edge = properties.getIfAvailable();
        CtiEdge server = edges.getIfAvailable();
        if (issuer == null || edge == null || server == null) {
            throw new NotFoundException("The CTI edge is switched off (switchboard.edge.enabled)");
        }
        // tied to the browser's login, so that logging out (or the session expiring) closes the socket it opens
        EdgeToken token = issuer.issue(edgeUserOf(me.user()), logins.loginOf(request));
        // the request's scheme, host and port, as Spring's server.forward-headers-strategy lets proxies state them
        PageAddress page = new PageAddress(request.getScheme(), request.getServerName(), request.getServerPort());
        String url = CtiEdgeUrl.of(edge, server.port(), page);
        return new CtiTokenResponse(token.value(), token.expiresAt(), url, server.port(), edge.path());
    }

    /** The desktop's identity on the edge: what routing pops and state by user, role and team needs. */
    static EdgeUser edgeUserOf(DirectoryUser user) {
        return new EdgeUser(
                user.username(),
                user.role().name(),
                user.team() == null ? null : Long.toString(user.team().value()),
                user.agent()); // the agent as call events name them: 1001 on PBX b is b:1001
    }
}
