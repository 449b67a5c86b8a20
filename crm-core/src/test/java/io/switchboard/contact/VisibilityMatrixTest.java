package io.switchboard.contact;

import io.switchboard.directory.Directory;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.directory.TeamId;
import io.switchboard.directory.UserId;
import io.switchboard.directory.Viewer;
import io.switchboard.testing.Database;
import io.switchboard.testing.PostgresTest;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who sees which contact, checked through both ways contacts are read: by id (rule applied in Java) and by a
 * caller's number (rule applied in SQL). The viewers are an agent and a supervisor of the Support team, a campaign
 * manager and an admin.
 */
@PostgresTest
class VisibilityMatrixTest {

    enum Kind {
        AGENTS_OWN_PRIVATE,
        TEAMMATE_PRIVATE,
        TEAM_SHARED,
        OTHER_TEAM_SHARED,
        OTHER_TEAM_PRIVATE,
        COMPANY_WIDE
    }

    @Autowired
    Contacts contacts;

    @Autowired
    CallerLookup lookup;

    @Autowired
    Directory directory;

    @Autowired
    JdbcTemplate jdbc;

    final Map<Role, Viewer> viewers = new EnumMap<>(Role.class);
    final Map<Kind, ContactId> created = new EnumMap<>(Kind.class);
    final Map<Kind, String> numbers = new EnumMap<>(Kind.class);

    @BeforeEach
    void oneContactOfEachKind() {
        Database.clear(jdbc);
        TeamId support = directory.team("Support");
        TeamId sales = directory.team("Sales");
        UserId agent = user("agent", Role.AGENT, support);
        UserId teammate = user("teammate", Role.AGENT, support);
        UserId otherTeam = user("other", Role.AGENT, sales);
        viewers.put(Role.AGENT, directory.find(agent).orElseThrow().viewer());
        viewers.put(Role.SUPERVISOR, viewer("supervisor", Role.SUPERVISOR, support));
        viewers.put(Role.CAMPAIGN_MANAGER, viewer("campaigns", Role.CAMPAIGN_MANAGER, null));
        viewers.put(Role.ADMIN, viewer("admin", Role.ADMIN, null));
        create(Kind.AGENTS_OWN_PRIVATE, agent, Visibility.PRIVATE);
        create(Kind.TEAMMATE_PRIVATE, teammate, Visibility.PRIVATE);
        create(Kind.TEAM_SHARED, teammate, Visibility.TEAM);
        create(Kind.OTHER_TEAM_SHARED, otherTeam, Visibility.TEAM);
        create(Kind.OTHER_TEAM_PRIVATE, otherTeam, Visibility.PRIVATE);
        create(Kind.COMPANY_WIDE, null, Visibility.COMPANY);
    }

    @ParameterizedTest(name = "{0}: agent {1}, supervisor {2}, campaign manager {3}, admin {4}")
    @CsvSource(useHeadersInDisplayName = false, textBlock = """
            # contact,           AGENT, SUPERVISOR, CAMPAIGN_MANAGER, ADMIN
            AGENTS_OWN_PRIVATE,  true,  true,       true,             true
            TEAMMATE_PRIVATE,    false, true,       true,             true
            TEAM_SHARED,         true,  true,       true,             true
            OTHER_TEAM_SHARED,   false, false,      true,             true
            OTHER_TEAM_PRIVATE,  false, false,      true,             true
            COMPANY_WIDE,        true,  true,       true,             true
            """)
    void eachRoleSeesExactlyItsContacts(
            Kind kind, boolean agent, boolean supervisor, boolean campaignManager, boolean admin) {
        Map<Role, Boolean> expected = Map.of(
                Role.AGENT,
                agent,
                Role.SUPERVISOR,
                supervisor,
                Role.CAMPAIGN_MANAGER,
                campaignManager,
                Role.ADMIN,
                admin);
        SoftAssertions softly = new SoftAssertions();
        for (Role role : Role.values()) {
            Viewer viewer = viewers.get(role);
            softly.assertThat(contacts.find(created.get(kind), viewer).isPresent())
                    .as("%s finds %s by id", role, kind)
                    .isEqualTo(expected.get(role));
            softly.assertThat(contacts.findAll(List.of(created.get(kind)), viewer))
                    .as("%s lists %s", role, kind)
                    .hasSize(expected.get(role) ? 1 : 0);
            softly.assertThat(lookup.lookup(numbers.get(kind), viewer).contacts())
                    .as("%s matches %s by caller number", role, kind)
                    .extracting(MatchedContact::id)
                    .isEqualTo(expected.get(role) ? List.of(created.get(kind)) : List.of());
        }
        softly.assertAll();
    }

    private UserId user(String username, Role role, TeamId team) {
        return directory.add(new NewUser(username, username, role, team, null)).id();
    }

    private Viewer viewer(String username, Role role, TeamId team) {
        return directory.find(user(username, role, team)).orElseThrow().viewer();
    }

    private void create(Kind kind, UserId owner, Visibility visibility) {
        String number = "+49 30 123456" + kind.ordinal();
        numbers.put(kind, number);
        created.put(
                kind,
                contacts.create(new NewContact(
                                kind.name(),
                                null,
                                null,
                                owner,
                                null,
                                visibility,
                                Set.of(),
                                null,
                                List.of(new NewPhone(PhoneType.WORK, number))))
                        .id());
    }
}
