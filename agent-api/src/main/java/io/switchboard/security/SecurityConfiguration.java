package io.switchboard.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.directory.Directory;
import io.switchboard.directory.LoginRecords;
import io.switchboard.directory.TeamScopes;
import io.switchboard.directory.UserAdministration;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Who may call what. Roles decide which endpoints a user reaches (the matrix below, also in the README); the
 * services then decide which rows they see (an agent their own, a supervisor their team's, an admin all).
 *
 * <p>API clients authenticate with HTTP Basic on every request; browsers log in with the form and carry a session
 * and a CSRF token (cookie {@code XSRF-TOKEN}, sent back as header {@code X-XSRF-TOKEN}). Requests that carry their
 * own credentials in an {@code Authorization} header need no CSRF token, unless a browser sends them for another
 * site ({@link #forgeable}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PasswordProperties.class, LoginProperties.class, SsoProperties.class})
public class SecurityConfiguration {

    private static final String AGENT = "AGENT";
    private static final String SUPERVISOR = "SUPERVISOR";
    private static final String CAMPAIGN_MANAGER = "CAMPAIGN_MANAGER";
    private static final String ADMIN = "ADMIN";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    PasswordEncoder passwordEncoder() {
        // {bcrypt} by default, and still reads hashes stored with an older id
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** What every password set here must be: at setup, at a user's own change, at an admin's create or reset. */
    @Bean
    PasswordPolicy passwordPolicy(PasswordProperties properties) {
        return new PasswordPolicy(properties.minLength());
    }

    /**
     * Publishes the container's session ends (logout, expiry) as {@code HttpSessionDestroyedEvent}s, on which
     * {@link CtiLogins} closes the desktops of the login that ended.
     */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    UserDetailsService userDetailsService(Directory directory) {
        return new DirectoryUserDetailsService(directory);
    }

    @Bean
    LoginGuard loginGuard(LoginRecords records, LoginProperties properties, MeterRegistry registry) {
        return new LoginGuard(records, properties, registry, Clock.systemUTC());
    }

    /**
     * Username and password, for the login form and HTTP Basic alike, through the throttles and the lockout. The
     * one provider of the application's global authentication manager, which both chains fall back on (the pages'
     * chain has single sign-on's providers in front of it).
     */
    @Bean
    AuthenticationProvider passwordLogins(UserDetailsService users, PasswordEncoder encoder, LoginGuard guard) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        return new GuardedAuthenticationProvider(passwords, guard);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, UserAdministration users, TeamScopes scopes) throws Exception {
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
                        .requestMatchers(HttpMethod.GET, "/api/v1/contacts.csv")
                        .hasAnyRole(SUPERVISOR, CAMPAIGN_MANAGER, ADMIN)
                        .requestMatchers("/api/v1/contacts", "/api/v1/contacts/**")
                        .authenticated()
                        .requestMatchers("/api/v1/activities", "/api/v1/activities/**")
                        .authenticated()
                        // tickets: every user; the services decide which tickets each sees and works on
                        .requestMatchers("/api/v1/tickets", "/api/v1/tickets/**")
                        .authenticated()
                        // the knowledge base: every user reads; the service decides who writes and publishes
                        .requestMatchers("/api/v1/kb/**")
                        .authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/v1/tiers", "/api/v1/tiers/calendars")
                        .authenticated()
                        // the tiers themselves and their members: admins
                        .requestMatchers("/api/v1/tiers", "/api/v1/tiers/*", "/api/v1/tiers/*/level")
                        .hasRole(ADMIN)
                        .requestMatchers("/api/v1/tiers/*/members/*")
                        .hasRole(ADMIN)
                        // click-to-dial rings the caller's own phone: users with a phone
                        .requestMatchers(HttpMethod.POST, "/api/v1/calls")
                        .hasAnyRole(AGENT, SUPERVISOR)
                        .requestMatchers(HttpMethod.GET, "/api/v1/calls")
                        .hasAnyRole(AGENT, SUPERVISOR, ADMIN)
                        // call control: an agent their own call, a supervisor their team's, an admin any (per row)
                        .requestMatchers("/api/v1/agents/*/call/**")
                        .hasAnyRole(AGENT, SUPERVISOR, ADMIN)
                        .requestMatchers("/api/v1/agents/me", "/api/v1/agents/me/**")
                        .hasAnyRole(AGENT, SUPERVISOR)
                        .requestMatchers(HttpMethod.GET, "/api/v1/agents")
                        .hasAnyRole(SUPERVISOR, ADMIN)
                        // a supervisor pauses, resumes or logs out their team's agents; the team is checked per row
                        .requestMatchers(
                                "/api/v1/agents/*/pause", "/api/v1/agents/*/resume", "/api/v1/agents/*/queues/*")
                        .hasAnyRole(SUPERVISOR, ADMIN)
                        // campaigns: agents read their own (the service filters), take preview leads and dispose
                        // their campaign calls; supervisors read all; campaign managers and admins run them
                        .requestMatchers(HttpMethod.GET, "/api/v1/campaigns", "/api/v1/campaigns/*")
                        .authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/v1/campaigns/*/preview")
                        .hasAnyRole(AGENT, SUPERVISOR)
                        .requestMatchers("/api/v1/campaign-calls/*", "/api/v1/campaign-attempts/*/disposition")
                        .hasAnyRole(AGENT, SUPERVISOR, ADMIN)
                        .requestMatchers("/api/v1/campaign-attempts/*/dial")
                        .hasAnyRole(AGENT, SUPERVISOR)
                        .requestMatchers(HttpMethod.GET, "/api/v1/campaigns/*/progress")
                        .hasAnyRole(SUPERVISOR, CAMPAIGN_MANAGER, ADMIN)
                        // list uploads are refused here, before the body is read: a refused upload is never spooled
                        .requestMatchers(HttpMethod.POST, "/api/v1/campaigns/*/leads")
                        .hasAnyRole(CAMPAIGN_MANAGER, ADMIN)
                        .requestMatchers("/api/v1/campaigns", "/api/v1/campaigns/**", "/api/v1/dnc", "/api/v1/dnc/**")
                        .hasAnyRole(CAMPAIGN_MANAGER, ADMIN, SUPERVISOR)
                        .requestMatchers(HttpMethod.GET, "/api/v1/queues", "/api/v1/queues/timeline")
                        .authenticated()
                        // scheduled reports: supervisors' and admins' own subscriptions (issue 19)
                        .requestMatchers("/api/v1/reports/subscriptions", "/api/v1/reports/subscriptions/*")
                        .hasAnyRole(SUPERVISOR, ADMIN)
                        // agent sessions: agents their own; campaign reports: those who see campaigns (issue 19)
                        .requestMatchers(
                                HttpMethod.GET, "/api/v1/reports/agent-sessions", "/api/v1/reports/agent-sessions.csv")
                        .hasAnyRole(AGENT, SUPERVISOR, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/reports/campaigns", "/api/v1/reports/campaigns.csv")
                        .hasAnyRole(SUPERVISOR, CAMPAIGN_MANAGER, ADMIN)
                        // call history and interval reports (issue 19)
                        .requestMatchers(HttpMethod.GET, "/api/v1/reports/**")
                        .hasAnyRole(SUPERVISOR, ADMIN)
                        // recounting the interval reports' rollup from the activities
                        .requestMatchers(HttpMethod.POST, "/api/v1/reports/rollup/rebuild")
                        .hasRole(ADMIN)
                        // the queues' settings: supervisors read them, admins change them
                        .requestMatchers(HttpMethod.GET, "/api/v1/queue-settings", "/api/v1/queue-settings/*")
                        .hasAnyRole(SUPERVISOR, ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/queue-settings/*")
                        .hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/cti/token")
                        .authenticated()
                        // administration: users, teams and the audit log are admins' alone
                        .requestMatchers(
                                "/api/v1/users",
                                "/api/v1/users/**",
                                "/api/v1/users.csv",
                                "/api/v1/teams",
                                "/api/v1/teams/**",
                                "/api/v1/audit",
                                "/api/v1/audit.csv")
                        .hasRole(ADMIN)
                        // every user changes their own password (and must, after an admin reset it)
                        .requestMatchers(HttpMethod.POST, "/api/v1/me/password")
                        .authenticated()
                        // admins see and lift lockouts
                        .requestMatchers("/api/v1/logins/**")
                        .hasRole(ADMIN)
                        // the database's backups (issue 19)
                        .requestMatchers("/api/v1/backups")
                        .hasRole(ADMIN)
                        // the API's description, and the Swagger UI: docs.html redirects to the UI's page under
                        // /api/v1/swagger-ui/, which loads its scripts, styles and configuration from there and
                        // from /api/v1/openapi/swagger-config
                        .requestMatchers(
                                "/api/v1/openapi", "/api/v1/openapi/**", "/api/v1/docs.html", "/api/v1/swagger-ui/**")
                        .authenticated()
                        .anyRequest()
                        .denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(csrf -> csrf.spa().requireCsrfProtectionMatcher(SecurityConfiguration::forgeable))
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                .addFilterBefore(new PasswordChangeRequired(users), AuthorizationFilter.class)
                .addFilterBefore(new CurrentTeamScope(scopes), AuthorizationFilter.class);
        return http.build();
    }

    /** Everything else: the pages, behind the login form. */
    @Bean
    @Order(2)
    SecurityFilterChain pages(
            HttpSecurity http,
            UserAdministration users,
            SsoLogins sso,
            SsoProperties ssoSettings,
            Directory directory,
            LoginRecords records,
            LoginGuard guard,
            TeamScopes scopes)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/login", "/setup", "/error", "/css/**", "/js/**", "/favicon.ico", "/webjars/uplot/**")
                        .permitAll()
                        .requestMatchers("/agent")
                        .hasAnyRole(AGENT, SUPERVISOR)
                        .requestMatchers(HttpMethod.GET, "/contacts", "/contacts/*")
                        .authenticated()
                        .requestMatchers("/wallboard")
                        .hasAnyRole(SUPERVISOR, CAMPAIGN_MANAGER, ADMIN)
                        .requestMatchers("/reports/agents")
                        .hasAnyRole(AGENT, SUPERVISOR, ADMIN)
                        .requestMatchers("/reports/campaigns")
                        .hasAnyRole(SUPERVISOR, CAMPAIGN_MANAGER, ADMIN)
                        .requestMatchers("/reports/**")
                        .hasAnyRole(SUPERVISOR, ADMIN)
                        .requestMatchers("/campaigns")
                        .hasAnyRole(CAMPAIGN_MANAGER, ADMIN)
                        .requestMatchers("/admin/**")
                        .hasRole(ADMIN)
                        .requestMatchers("/password")
                        .authenticated()
                        // the ticket workbench: every user; the API decides which tickets each sees
                        .requestMatchers("/tickets", "/tickets/*")
                        .authenticated()
                        // the knowledge base's pages: every user (the editor is for those who may write)
                        .requestMatchers(HttpMethod.GET, "/kb", "/kb/*", "/kb/*/edit")
                        .authenticated()
                        .requestMatchers("/api/v1/docs.html", "/swagger-ui/**", "/v3/api-docs/**")
                        .authenticated()
                        .requestMatchers("/")
                        .authenticated()
                        .anyRequest()
                        .denyAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                // the pages' scripts send the token from the XSRF-TOKEN cookie in the X-XSRF-TOKEN header
                .csrf(csrf -> csrf.spa())
                .addFilterBefore(new PasswordChangeRequired(users), AuthorizationFilter.class)
                .addFilterBefore(new CurrentTeamScope(scopes), AuthorizationFilter.class);
        if (sso.localLogin()) {
            http.formLogin(form -> form.loginPage("/login").permitAll());
        }
        if (sso.enabled()) {
            // the provider's users become Switchboard users; a refusal goes back to /login?error with its reason
            SsoUserService ssoUsers = new SsoUserService(ssoSettings, directory, users, records, guard);
            http.oauth2Login(
                    login -> login.loginPage("/login").userInfoEndpoint(info -> info.oidcUserService(ssoUsers)));
        }
        return http.build();
    }

    /**
     * Whether another site could make a browser send this request with the user's credentials: a change (not
     * {@code GET}, {@code HEAD}, {@code OPTIONS}, {@code TRACE}) that carries a session cookie, or Basic credentials
     * the browser remembered and attaches to another site's form post ({@code Sec-Fetch-Site: cross-site} or
     * {@code same-site}). A request with no credentials at all cannot do harm and gets its 401.
     */
    private static boolean forgeable(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return false;
        }
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            String site = request.getHeader("Sec-Fetch-Site");
            return "cross-site".equals(site) || "same-site".equals(site);
        }
        return request.getRequestedSessionId() != null;
    }
}
