package io.switchboard.security;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The client registration "corp" pointing at a mock-oauth2-server, with single sign-on on: what every SSO test shares. */
final class OidcProviderProperties {

    private OidcProviderProperties() {}

    /** Starts {@code provider} and registers it as the issuer "corp" of the client "switchboard". */
    static void register(DynamicPropertyRegistry registry, MockOAuth2Server provider) {
        provider.start();
        registry.add("spring.security.oauth2.client.registration.corp.client-id", () -> "switchboard");
        registry.add("spring.security.oauth2.client.registration.corp.client-secret", () -> "a-client-secret");
        registry.add("spring.security.oauth2.client.registration.corp.client-name", () -> "Corp ID");
        registry.add("spring.security.oauth2.client.registration.corp.scope", () -> "openid");
        registry.add(
                "spring.security.oauth2.client.provider.corp.issuer-uri",
                () -> provider.issuerUrl("corp").toString());
        registry.add("switchboard.security.sso.enabled", () -> true);
    }
}
