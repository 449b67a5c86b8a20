package io.switchboard.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.activity.Activity;
import io.switchboard.activity.ActivityHistory;
import io.switchboard.contact.Contact;
import io.switchboard.contact.Contacts;
import io.switchboard.contact.NewContact;
import io.switchboard.contact.NewPhone;
import io.switchboard.contact.PhoneType;
import io.switchboard.contact.Visibility;
import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.NewUser;
import io.switchboard.gateway.ami.AmiGateway;
import io.switchboard.gateway.ami.LinkStatus;
import io.switchboard.gateway.edge.CtiEdge;
import io.switchboard.simulator.AmiSimulator;
import io.switchboard.simulator.Caller;
import io.switchboard.simulator.HangupBy;
import io.switchboard.simulator.QueueCallAnswered;
import io.switchboard.simulator.SimulatedCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The application as the API tests use it, started once for all of them: a real PostgreSQL, the simulator on a free
 * AMI port generating no calls of its own (tests play the calls they need), no demo data, the CTI edge and the PBX
 * webhook on free ports, and the {@link TestUser}s with {@link TestUser#PASSWORD}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// The role matrix tries a wrong password on every endpoint: throttles and lockout are set out of its way here.
// LoginThrottlingTest holds them to their word with small limits of its own (a subclass's properties win).
@TestPropertySource(
        properties = {
            "switchboard.security.login.user-failures=1000000",
            "switchboard.security.login.address-failures=1000000",
            "switchboard.security.login.lockout-after=1000000"
        })
public abstract class ApplicationOnPostgres {

    /** The upload limit of these tests (the application's own is larger), so a test can exceed it cheaply. */
    public static final int MAX_UPLOAD_BYTES = 256 * 1024;

    /** The PBX webhook's signing secret in these tests. */
    public static final String WEBHOOK_SECRET = "a-webhook-secret-of-at-least-thirty-two-bytes";

    /** Where uploads are spooled in these tests (the servlet container's parts and the kept list copies). */
    public static final Path UPLOADS = uploadsFolder();

    private static Path uploadsFolder() {
        try {
            return Files.createTempDirectory("switchboard-test-uploads-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void realPostgresAndFreePorts(DynamicPropertyRegistry registry) throws IOException {
        int amiPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            amiPort = socket.getLocalPort();
        }
        registry.add("spring.datasource.url", () -> SharedPostgres.jdbcUrl(SharedPostgres.get()));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("switchboard.ami.port", () -> amiPort);
        registry.add("switchboard.simulator.calls-per-second", () -> 0);
        registry.add("switchboard.simulator.time-scale", () -> 4);
        registry.add("switchboard.demo.seed", () -> false);
        registry.add("switchboard.edge.port", () -> 0);
        registry.add("switchboard.edge.allowed-origins", () -> Desktop.ORIGIN);
        registry.add("switchboard.webhook.enabled", () -> true);
        registry.add("switchboard.webhook.port", () -> 0);
        registry.add("switchboard.webhook.secret", () -> WEBHOOK_SECRET);
        registry.add("spring.servlet.multipart.max-file-size", () -> MAX_UPLOAD_BYTES + "B");
        registry.add("spring.servlet.multipart.max-request-size", () -> MAX_UPLOAD_BYTES + "B");
        registry.add("spring.servlet.multipart.location", UPLOADS::toString);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected Directory directory;

    @Autowired
    private PasswordEncoder encoder;

    @Autowired
    private AmiGateway gateway;

    @Autowired
    protected AmiSimulator simulator;

    @Autowired
    private ActivityHistory history;

    @Autowired
    private CtiEdge edge;

    protected Api api;

    @Autowired
    private Contacts contacts;

    private final Map<TestUser, DirectoryUser> users = new EnumMap<>(TestUser.class);

    @BeforeAll
    void theUsersAndALiveLinkToTheSimulator() {
        api = new Api(port);
        // BCrypt at its lowest cost: the application checks it as any {bcrypt} hash, and the role matrix logs in a
        // few hundred times, which at the default cost would take most of the test's time
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(TestUser.PASSWORD);
        assertThat(encoder.matches(TestUser.PASSWORD, hash)).isTrue();
        for (TestUser user : TestUser.values()) {
            DirectoryUser found = directory.findByUsername(user.username).orElse(null);
            if (found == null) {
                found = directory.add(new NewUser(
                        user.username,
                        user.username,
                        user.role,
                        user.team == null ? null : directory.team(user.team),
                        user.extension));
                directory.setPasswordHash(found.id(), hash);
            }
            users.put(user, found);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> gateway.linkStatus().state() == LinkStatus.State.UP);
    }

    protected DirectoryUser user(TestUser user) {
        return users.get(user);
    }

    protected HttpResponse<String> call(String method, String path, TestUser user, String jsonBody) {
        return api.call(method, path, user.username, TestUser.PASSWORD, jsonBody);
    }

    /** A desktop connected to the CTI edge as {@code user}, returned once the edge has registered its session. */
    protected Desktop desktop(TestUser user) {
        HttpResponse<String> issued = call("POST", "/api/v1/cti/token", user, null);
        assertThat(issued.statusCode()).as(issued.body()).isBetween(200, 201);
        JsonNode token = Api.json(issued);
        int before = edge.sessionsOf(user.username);
        Desktop desktop =
                Desktop.connect(token.path("port").asInt(), token.path("token").asText());
        await().atMost(Duration.ofSeconds(5)).until(() -> edge.sessionsOf(user.username) > before);
        return desktop;
    }

    /**
     * Plays an inbound call in queue {@code support} that {@code agent} answers and talks on for {@code talkSeconds}
     * (simulated; the simulator runs four times faster); completes when the call has ended.
     */
    protected CompletableFuture<SimulatedCall> queueCall(String callerNumber, TestUser agent, double talkSeconds) {
        return simulator.run(new QueueCallAnswered(
                new Caller(callerNumber, "Caller " + callerNumber, "500"),
                "support",
                agent.extension,
                1,
                talkSeconds,
                HangupBy.CALLER));
    }

    /**
     * A customer the desktop recognises: a contact of the agent's team, owned by {@link TestUser#AGENT}, with
     * {@code number} as its work phone.
     */
    protected Contact teamCustomer(String name, String number) {
        return contacts.create(new NewContact(
                name,
                null,
                null,
                user(TestUser.AGENT).id(),
                null,
                Visibility.TEAM,
                Set.of(),
                null,
                List.of(new NewPhone(PhoneType.WORK, number))));
    }

    /**
     * Makes {@code members} members of {@code tier} through the API, as an admin does: 200, or 409 for one whose
     * membership an earlier test of the shared database already added.
     */
    protected void staffTier(String tier, TestUser... members) {
        for (TestUser member : members) {
            HttpResponse<String> added = call(
                    "POST",
                    "/api/v1/tiers/" + tier.replace(" ", "%20") + "/members/" + member.username,
                    TestUser.ADMIN,
                    null);
            assertThat(added.statusCode()).as(added.body()).isIn(200, 409);
        }
    }

    /** The activity the call log wrote for an ended call, once it has been written. */
    protected Activity activityOf(CompletableFuture<SimulatedCall> call) {
        String callId = call.orTimeout(20, TimeUnit.SECONDS).join().linkedid();
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> history.findByCallId(callId, user(TestUser.ADMIN).viewer()), found -> found.isPresent())
                .orElseThrow();
    }
}
