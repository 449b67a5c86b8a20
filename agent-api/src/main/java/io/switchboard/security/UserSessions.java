package io.switchboard.security;

import io.switchboard.desktop.Desktops;
import io.switchboard.directory.UserChanged;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.session.HttpSessionCreatedEvent;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The open browser sessions, so that deactivating a user ends theirs at once: each is invalidated (which, through
 * {@link CtiLogins}, closes the desktops opened in it and refuses its tokens), and the CTI edge of every node
 * closes any other socket of the user and refuses the tokens they still hold. Without this a deactivated user would
 * keep working until their session expired.
 */
@Component
class UserSessions {

    private static final Logger log = LoggerFactory.getLogger(UserSessions.class);

    private final Map<String, HttpSession> sessions = new ConcurrentHashMap<>();
    private final Desktops desktops;

    UserSessions(Desktops desktops) {
        this.desktops = desktops;
    }

    @EventListener
    void created(HttpSessionCreatedEvent event) {
        sessions.put(event.getSession().getId(), event.getSession());
    }

    @EventListener
    void destroyed(HttpSessionDestroyedEvent event) {
        sessions.remove(event.getId());
    }

    /** After the change is committed: a rolled-back deactivation closes nothing. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void userChanged(UserChanged changed) {
        String username = changed.user().username();
        if (changed.active()) {
            desktops.resumeUser(username);
            return;
        }
        int ended = 0;
        for (HttpSession session : sessions.values()) {
            if (username.equals(userOf(session))) {
                try {
                    session.invalidate();
                    ended++;
                } catch (IllegalStateException alreadyInvalid) {
                    sessions.remove(session.getId());
                }
            }
        }
        int sockets = desktops.endUser(username);
        log.info("{} deactivated: {} browser sessions and {} more CTI sockets closed", username, ended, sockets);
    }

    private static String userOf(HttpSession session) {
        try {
            Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            if (context instanceof SecurityContext security) {
                Authentication authentication = security.getAuthentication();
                return authentication == null ? null : authentication.getName();
            }
            return null;
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }
}
