package io.switchboard.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.contact.Contact;
import io.switchboard.contact.ContactFilter;
import io.switchboard.contact.ContactId;
import io.switchboard.contact.ContactSearch;
import io.switchboard.contact.ContactSort;
import io.switchboard.contact.Contacts;
import io.switchboard.contact.Phone;
import io.switchboard.contact.Visibility;
import io.switchboard.csv.SpreadsheetCsvWriter;
import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.UserId;
import io.switchboard.security.SwitchboardUser;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A contacts search as a CSV file in the import's columns, so that it imports back (supervisors and above). */
@RestController
@Tag(name = "Contacts")
class ContactExportController {

    /** Contacts read from the database at a time while writing. */
    private static final int BATCH = 500;

    private final ContactSearch search;
    private final Contacts contacts;
    private final ContactFilters filters;
    private final Directory directory;

    ContactExportController(ContactSearch search, Contacts contacts, ContactFilters filters, Directory directory) {
        this.search = search;
        this.contacts = contacts;
        this.filters = filters;
        this.directory = directory;
    }

    /**
     * Every contact the search finds (the same parameters as {@code GET /api/v1/contacts}, no paging), in the import's
     * columns {@code name, company, email, phone, phone_type, tags, owner, notes}: a contact with several numbers is
     * one row per number (the import, which matches contacts by name and number, makes each a contact of its own); tags
     * are separated by {@code ;}; cells are spreadsheet-safe.
     */
    @GetMapping(path = "/api/v1/contacts.csv", produces = "text/csv")
    void export(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String owner,
            @RequestParam(required = false) Long team,
            @RequestParam(required = false) Visibility visibility,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) Boolean openTickets,
            @RequestParam(required = false) ContactSort sort,
            @AuthenticationPrincipal SwitchboardUser me,
            HttpServletResponse response)
            throws IOException {
        ContactFilter filter = filters.of(q, owner, team, visibility, tag, openTickets, sort, me);
        List<ContactId> ids = search.allIds(filter, me.viewer());
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"contacts.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        SpreadsheetCsvWriter csv = SpreadsheetCsvWriter.to(
                out, "name", "company", "email", "phone", "phone_type", "tags", "owner", "notes");
        Map<UserId, Optional<String>> usernames = new HashMap<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            for (Contact contact :
                    contacts.findAll(ids.subList(from, Math.min(ids.size(), from + BATCH)), me.viewer())) {
                String ownerName = contact.owner() == null
                        ? null
                        : usernames
                                .computeIfAbsent(
                                        contact.owner(),
                                        id -> directory.find(id).map(DirectoryUser::username))
                                .orElse(null);
                String tags = String.join(";", new TreeSet<>(contact.tags()));
                String company =
                        contact.account() == null ? null : contact.account().name();
                List<Phone> phones =
                        contact.phones().isEmpty() ? java.util.Collections.singletonList(null) : contact.phones();
                for (Phone phone : phones) {
                    csv.row(
                            contact.name(),
                            company,
                            contact.email(),
                            phone == null ? null : phone.raw(),
                            phone == null ? null : phone.type().name(),
                            tags,
                            ownerName,
                            contact.notes());
                }
            }
        }
        csv.flush();
    }
}
