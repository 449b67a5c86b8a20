package io.switchboard.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/** What the login page offers: the single sign-on providers (when on) and whether the password form is shown. */
@Component
public class SsoLogins {

    /** One provider's button: {@code /oauth2/authorization/<id>} starts its login. */
    public record Provider(String id, String name) {

        public String path() {
            return "/oauth2/authorization/" + id;
        }
    }

    private final SsoProperties settings;
    private final List<Provider> providers;

    SsoLogins(SsoProperties settings, ObjectProvider<ClientRegistrationRepository> registrations) {
        this.settings = settings;
        List<Provider> found = new ArrayList<>();
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        if (settings.enabled() && repository instanceof Iterable<?> all) {
            for (Object registration : all) {
                if (registration instanceof ClientRegistration client) {
                    found.add(new Provider(client.getRegistrationId(), client.getClientName()));
                }
            }
        }
        this.providers = List.copyOf(found);
    }

    public List<Provider> providers() {
        return providers;
    }

    /** Single sign-on is on and a provider is configured. */
    public boolean enabled() {
        return !providers.isEmpty();
    }

    public boolean localLogin() {
        return settings.localLogin();
    }
}
