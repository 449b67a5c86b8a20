package io.switchboard.demo;

import io.switchboard.contact.Contact;
import io.switchboard.contact.Contacts;
import io.switchboard.contact.NewContact;
import io.switchboard.contact.NewPhone;
import io.switchboard.contact.PhoneType;
import io.switchboard.contact.Visibility;
import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.directory.TeamId;
import io.switchboard.simulator.LoadProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Seeds an empty database for the demo: five users (one per role, two agents) and contacts whose numbers are the
 * simulator's callers, so pops show customers within the first minute.
 */
final class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    /** The simulated queue's agents are extensions 2000 upwards; the two human agents take the first two. */
    static final String AGENT1_EXTENSION = "2000";

    static final String AGENT2_EXTENSION = "2001";

    private static final String[] FIRST = {
        "Ada",
        "Alan",
        "Grace",
        "Edsger",
        "Barbara",
        "Donald",
        "Frances",
        "John",
        "Margaret",
        "Ken",
        "Radia",
        "Tim",
        "Hedy",
        "Claude",
        "Karen",
        "Dennis",
        "Sophie",
        "Niklaus",
        "Anita",
        "Linus"
    };
    private static final String[] LAST = {
        "Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth", "Allen", "Backus", "Hamilton", "Thompson",
        "Perlman", "Berners-Lee", "Lamarr", "Shannon", "Jones", "Ritchie", "Wilson", "Wirth", "Borg", "Torvalds"
    };
    private static final String[] COMPANIES = {
        "Analytical Engines", "Bletchley Logistics", "Cobol Insurance", "Difference Motors", "Enigma Travel", null
    };

    private final Directory directory;
    private final Contacts contacts;
    private final PasswordEncoder encoder;
    private final DemoProperties properties;
    private final DemoCampaign campaign;
    private final DemoTickets tickets;

    DemoData(
            Directory directory,
            Contacts contacts,
            PasswordEncoder encoder,
            DemoProperties properties,
            DemoCampaign campaign,
            DemoTickets tickets) {
        this.campaign = campaign;
        this.tickets = tickets;
        this.directory = directory;
        this.contacts = contacts;
        this.encoder = encoder;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (directory.findByUsername("admin").isPresent()) {
            return; // seeded before: the demo's file database keeps what happened in earlier runs
        }
        TeamId support = directory.team("Support");
        DirectoryUser agent1 = user("agent1", "Alex Agent", Role.AGENT, support, AGENT1_EXTENSION);
        DirectoryUser agent2 = user("agent2", "Bo Agent", Role.AGENT, support, AGENT2_EXTENSION);
        user("supervisor", "Sam Supervisor", Role.SUPERVISOR, support, null);
        user("manager", "Morgan Manager", Role.CAMPAIGN_MANAGER, null, null);
        user("admin", "Ari Admin", Role.ADMIN, null, null);
        List<Contact> companyWide = new ArrayList<>();
        for (int i = 0; i < properties.contacts(); i++) {
            Contact contact = contacts.create(contact(i, i % 10 == 0 ? agent1 : i % 10 == 1 ? agent2 : null, support));
            if (contact.visibility() == Visibility.COMPANY) {
                companyWide.add(contact);
            }
        }
        if (companyWide.size() >= DemoTickets.CUSTOMERS) {
            tickets.seed(agent1, agent2, companyWide);
        }
        DirectoryUser manager = directory.findByUsername("manager").orElseThrow();
        campaign.seed(manager, List.of(agent1.id(), agent2.id()), properties.campaignLeads());
        log.info(
                "Demo data seeded: users agent1, agent2, supervisor, manager, admin (password from"
                        + " switchboard.demo.password), {} contacts with tickets and a running predictive campaign of"
                        + " {} leads",
                properties.contacts(),
                properties.campaignLeads());
    }

    private DirectoryUser user(String username, String name, Role role, TeamId team, String extension) {
        DirectoryUser user = directory.add(new NewUser(username, name, role, team, extension));
        directory.setPasswordHash(user.id(), encoder.encode(properties.password()));
        return user;
    }

    /** Every tenth contact is agent1's own, every tenth agent2's, the rest company-wide. */
    private static NewContact contact(int i, DirectoryUser owner, TeamId team) {
        String first = FIRST[i % FIRST.length];
        String last = LAST[(i / FIRST.length + i) % LAST.length];
        String company = COMPANIES[i % COMPANIES.length];
        return new NewContact(
                first + " " + last,
                company,
                (first + "." + last).toLowerCase(Locale.ROOT).replace("-", "") + "@example.org",
                owner == null ? null : owner.id(),
                owner == null ? null : team,
                owner == null ? Visibility.COMPANY : Visibility.PRIVATE,
                i % 7 == 0 ? Set.of("vip") : Set.of(),
                i % 5 == 0 ? "Prefers a call back in the morning" : null,
                List.of(new NewPhone(i % 3 == 0 ? PhoneType.MOBILE : PhoneType.WORK, LoadProfile.callerNumber(i))));
    }
}
