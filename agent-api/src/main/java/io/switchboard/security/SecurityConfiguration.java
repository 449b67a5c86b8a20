package io.switchboard.security;

import io.switchboard.directory.Directory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. Roles decide which endpoints a user reaches (the matrix below, also in the README); the
 * services then decide which rows they see (an agent their own, a supervisor their team's, an admin all).
 *
 * <p>API clients authenticate with HTTP Basic on every request; browsers log in with the form and carry a session
 * and a CSRF token (cookie {@code XSRF-TOKEN}, header {@code X-XSRF-TOKEN}). Requests that carry their own
 * credentials in an {@code Authorization} header cannot be forged by another site, so they need no CSRF token.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final String AGENT = "AGENT";
    private static final String SUPERVISOR = "SUPERVISOR";
    private static final String CAMPAIGN_MANAGER = "CAMPAIGN_MANAGER";
    private static final String ADMIN = "ADMIN";

    @Bean
    PasswordEncoder passwordEncoder() {
        // {bcrypt} by default, and still reads hashes stored with an older id
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(Directory directory) {
        return new DirectoryUserDetailsService(directory);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        ProblemResponses problems = new ProblemResponses();
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        // load balancers and container health checks; details only for admins (see application.yml)
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/contacts/import")
                        .hasAnyRole(SUPERVISOR, CAMPAIGN_MANAGER, ADMIN)
                        .requestMatchers("/api/v1/contacts", "/api/v1/contacts/**")
                        .authenticated()
                        .requestMatchers("/api/v1/activities", "/api/v1/activities/**")
                        .authenticated()
                        // click-to-dial rings the caller's own phone: users with a phone
                        .requestMatchers(HttpMethod.POST, "/api/v1/calls")
                        .hasAnyRole(AGENT, SUPERVISOR)
                        .requestMatchers(HttpMethod.GET, "/api/v1/calls")
                        .hasAnyRole(AGENT, SUPERVISOR, ADMIN)
                        .requestMatchers("/api/v1/agents/me", "/api/v1/agents/me/**")
                        .hasAnyRole(AGENT, SUPERVISOR)
                        .requestMatchers(HttpMethod.GET, "/api/v1/agents")
                        .hasAnyRole(SUPERVISOR, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/queues")
                        .authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/v1/cti/token")
                        .authenticated()
                        .requestMatchers("/api/v1/openapi", "/api/v1/openapi/**", "/api/v1/docs.html")
                        .authenticated()
                        .anyRequest()
                        .denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(csrf ->
                        csrf.spa().ignoringRequestMatchers(request -> request.getHeader("Authorization") != null));
        return http.build();
    }

    /** Everything else: the pages, behind the login form. */
    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/login", "/error", "/css/**", "/js/**")
                        .permitAll()
                        .requestMatchers("/agent")
                        .hasAnyRole(AGENT, SUPERVISOR)
                        .requestMatchers("/wallboard")
                        .hasAnyRole(SUPERVISOR, CAMPAIGN_MANAGER, ADMIN)
                        .requestMatchers("/api/v1/docs.html", "/swagger-ui/**", "/v3/api-docs/**")
                        .authenticated()
                        .requestMatchers("/")
                        .authenticated()
                        .anyRequest()
                        .denyAll())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                // the pages' scripts send the token from the XSRF-TOKEN cookie in the X-XSRF-TOKEN header
                .csrf(csrf -> csrf.spa());
        return http.build();
    }
}
