package io.switchboard.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo's seed data.
 *
 * @param seed fill an empty database with demo users and contacts (the embedded default does; production must not)
 * @param password the password of every seeded user; from configuration, never from code
 * @param contacts how many seeded contacts the simulator's callers can match
 * @param campaignLeads how many leads the seeded predictive campaign dials
 */
@ConfigurationProperties("switchboard.demo")
public record DemoProperties(
        @DefaultValue("false") boolean seed,
        String password,
        @DefaultValue("150") int contacts,
        @DefaultValue("500") int campaignLeads) {

    public DemoProperties {
        if (seed && (password == null || password.length() < 8)) {
            throw new IllegalArgumentException(
                    "switchboard.demo.password must have at least 8 characters to seed users");
        }
    }
}
