package io.switchboard.security;

import io.switchboard.desktop.Desktops;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.stereotype.Component;

/**
 * Ties desktop sockets to the browser login they were opened from. Each login session gets an opaque random id
 * (never the session's own id, which is a credential, while tokens travel in URLs); CTI tokens carry it, and when
 * the session ends, by logout or by expiry, the CTI edge closes the sockets opened with its tokens and refuses its
 * tokens not used yet. API clients with Basic credentials have no session: their tokens are tied to no login.
 */
@Component
public class CtiLogins {

    static final String ATTRIBUTE = CtiLogins.class.getName() + ".login";

    private static final Logger log = LoggerFactory.getLogger(CtiLogins.class);

    private final Desktops desktops;

    CtiLogins(Desktops desktops) {
        this.desktops = desktops;
    }

    /** The id of the request's login session, made on first use; null for a request without a session. */
    public String loginOf(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Object login = session.getAttribute(ATTRIBUTE);
        if (login instanceof String id) {
            return id;
        }
        String id = UUID.randomUUID().toString();
        session.setAttribute(ATTRIBUTE, id);
        return id;
    }

    /**
     * A session ended (logout invalidates it; the container expires idle ones): its desktops go with it, on every
     * node.
     */
    @EventListener
    void sessionEnded(HttpSessionDestroyedEvent ended) {
        if (!(ended.getSession().getAttribute(ATTRIBUTE) instanceof String login)) {
            return;
        }
        for (SecurityContext context : ended.getSecurityContexts()) {
            Authentication user = context.getAuthentication();
            if (user != null) {
                int closed = desktops.endLogin(user.getName(), login);
                log.debug("Login of {} ended: {} CTI sessions closed", user.getName(), closed);
            }
        }
    }
}
