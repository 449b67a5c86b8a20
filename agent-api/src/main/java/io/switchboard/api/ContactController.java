package io.switchboard.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.contact.ColumnMapping;
import io.switchboard.contact.Contact;
import io.switchboard.contact.ContactFilter;
import io.switchboard.contact.ContactId;
import io.switchboard.contact.ContactImporter;
import io.switchboard.contact.ContactNotFoundException;
import io.switchboard.contact.ContactSearch;
import io.switchboard.contact.ContactSort;
import io.switchboard.contact.Contacts;
import io.switchboard.contact.ImportOptions;
import io.switchboard.contact.ImportReport;
import io.switchboard.contact.Visibility;
import io.switchboard.security.SwitchboardUser;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/contacts")
@Tag(name = "Contacts", description = "Contacts the caller may see; create, edit, delete, search, import")
class ContactController {

    private final Contacts contacts;
    private final ContactSearch search;
    private final ContactImporter importer;
    private final JsonMapper json;
    private final Validator validator;
    private final ContactFilters filters;

    ContactController(
            Contacts contacts,
            ContactSearch search,
            ContactImporter importer,
            JsonMapper json,
            Validator validator,
            ContactFilters filters) {
        this.filters = filters;
        this.contacts = contacts;
        this.search = search;
        this.importer = importer;
        this.json = json;
        this.validator = validator;
    }

    /**
     * Searches by part of a name, company, email or tag, or any phone number in any format (its end is enough), and
     * filters. A {@code totalItems} above {@value ContactSearch#COUNT_LIMIT} means "more than that".
     *
     * @param owner a username, or {@code me}; an unknown username finds nothing
     * @param team a team's id
     * @param tag a tag, without case
     * @param openTickets {@code true}: only contacts with a ticket not yet resolved or closed; {@code false}: without
     * @param sort {@code NAME} (the default), {@code NAME_DESC}, {@code UPDATED} (latest change first), {@code CREATED}
     */
    @GetMapping
    PageResponse<Contact> search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String owner,
            @RequestParam(required = false) Long team,
            @RequestParam(required = false) Visibility visibility,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) Boolean openTickets,
            @RequestParam(required = false) ContactSort sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @AuthenticationPrincipal SwitchboardUser me) {
        Paging.page(page, size, ContactSearch.MAX_PAGE_SIZE);
        ContactFilter filter = filters.of(q, owner, team, visibility, tag, openTickets, sort, me);
        return PageResponse.of(search.find(filter, me.viewer(), page, size), contact -> contact);
    }

    @GetMapping("/{id}")
    Contact get(@PathVariable long id, @AuthenticationPrincipal SwitchboardUser me) {
        return contacts.find(new ContactId(id), me.viewer())
                .orElseThrow(() -> new ContactNotFoundException(new ContactId(id)));
    }

    @PostMapping
    ResponseEntity<Contact> create(
            @Valid @RequestBody ContactRequest request, @AuthenticationPrincipal SwitchboardUser me) {
        Contact created =
                contacts.create(request.toNewContact(me.user().id(), me.user().team()));
        return ResponseEntity.created(
                        URI.create("/api/v1/contacts/" + created.id().value()))
                .body(created);
    }

    /**
     * Replaces the whole contact: every field the request leaves out is emptied (only owner and visibility are kept
     * when left out). It needs the {@code version} the client read, so that a change someone made meanwhile is not
     * overwritten unseen (409). To change a few fields, send a {@code PATCH}.
     */
    @PutMapping("/{id}")
    Contact update(
            @PathVariable long id,
            @Valid @RequestBody ContactRequest request,
            @AuthenticationPrincipal SwitchboardUser me) {
        Contact current = visible(id, me);
        if (request.version() == null) {
            throw InvalidRequestException.of(
                    "version",
                    "is required: PUT replaces the whole contact, so send it as GET returned it, version included"
                            + " (or PATCH with application/merge-patch+json to change only some fields)");
        }
        return contacts.update(new ContactId(id), request.toReplacement(current), request.version(), me.viewer());
    }

    /**
     * Changes only the fields the body names (JSON Merge Patch, RFC 7396, {@code application/merge-patch+json}):
     * {@code {"email": "new@example.com"}} keeps everything else; {@code null} empties a field; {@code tags} and
     * {@code phones} are replaced whole. With a {@code version}, an edit made on an older version is refused (409).
     */
    @PatchMapping(path = "/{id}", consumes = MergePatch.MEDIA_TYPE)
    Contact patch(@PathVariable long id, @RequestBody JsonNode patch, @AuthenticationPrincipal SwitchboardUser me) {
        if (!patch.isObject()) {
            throw InvalidRequestException.of(
                    JsonProblems.BODY, "must be a JSON object of the fields to change (RFC 7396 merge patch)");
        }
        Contact current = visible(id, me);
        JsonNode merged = MergePatch.apply(json.valueToTree(ContactRequest.of(current)), patch);
        ContactRequest request;
        try {
            request = json.treeToValue(merged, ContactRequest.class);
        } catch (JacksonException e) {
            throw new InvalidRequestException(List.of(JsonProblems.describe(e)));
        }
        List<ApiProblems.FieldMessage> errors = validator.validate(request).stream()
                .map(violation ->
                        new ApiProblems.FieldMessage(violation.getPropertyPath().toString(), violation.getMessage()))
                .sorted(Comparator.comparing(ApiProblems.FieldMessage::field))
                .toList();
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return contacts.update(new ContactId(id), request.toReplacement(current), request.version(), me.viewer());
    }

    private Contact visible(long id, SwitchboardUser me) {
        return contacts.find(new ContactId(id), me.viewer())
                .orElseThrow(() -> new ContactNotFoundException(new ContactId(id)));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal SwitchboardUser me) {
        contacts.delete(new ContactId(id), me.viewer());
        return ResponseEntity.noContent().build();
    }

    /**
     * Imports a CSV file (multipart field {@code file}) whose header names the standard columns {@code name,
     * company, email, phone, phone_type, tags, owner, notes}; the report lists every rejected row with its reason
     * (rows that are not valid CSV too), and the encoding and delimiter the file was read with.
     *
     * @param delimiter the field separator; by default the one of {@code , ; TAB |} the header holds most of
     * @param charset the file's encoding; by default found from the file (byte-order mark, UTF-8, else detected)
     */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportReport importCsv(
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "TEAM") Visibility visibility,
            @RequestParam(required = false) Character delimiter,
            @RequestParam(required = false) String charset,
            @AuthenticationPrincipal SwitchboardUser me) {
        return importer.importCsv(
                file::getInputStream,
                Uploads.charset(charset),
                new ImportOptions(
                        ColumnMapping.standard(), visibility, me.user().team(), delimiter));
    }
}
