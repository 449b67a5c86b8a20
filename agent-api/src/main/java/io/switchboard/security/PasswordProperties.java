package io.switchboard.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The password policy's settings.
 *
 * @param minLength the fewest characters a password may have (at least 8; 12 by default)
 */
@ConfigurationProperties("switchboard.security.password")
public record PasswordProperties(@DefaultValue("12") int minLength) {}
