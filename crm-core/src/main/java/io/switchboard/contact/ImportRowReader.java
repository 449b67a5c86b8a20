package io.switchboard.contact;

import io.switchboard.csv.CsvRow;
import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns one CSV row into an {@link ImportRow}, or rejects it with the reason. */
class ImportRowReader {

    private static final Pattern TAG_SEPARATOR = Pattern.compile("[;|,]");

    private final ColumnMapping columns;
    private final ImportOptions options;
    private final PhoneNormalizer normalizer;
    private final Directory directory;
    private final Map<String, Optional<DirectoryUser>> owners = new HashMap<>();

    ImportRowReader(ImportOptions options, PhoneNormalizer normalizer, Directory directory) {
        this.columns = options.columns();
        this.options = options;
        this.normalizer = normalizer;
        this.directory = directory;
    }

    /** @throws RowRejectedException with the reason the row cannot be imported */
    ImportRow read(CsvRow record) {
        long row = record.line();
        String name = ContactFields.text(value(record, columns.name()));
        String company = ContactFields.text(value(record, columns.company()));
        String email = ContactFields.email(value(record, columns.email()));
        String rawTags = value(record, columns.tags());
        Set<String> tags = ContactFields.tags(rawTags == null ? Set.of() : Arrays.asList(TAG_SEPARATOR.split(rawTags)));
        String notes = ContactFields.text(value(record, columns.notes()));
        ContactFields.problem(name, company, email, tags, notes).ifPresent(problem -> {
            throw new RowRejectedException(problem);
        });
        NormalizedNumber phone = phone(value(record, columns.phone()));
        PhoneType type = phoneType(value(record, columns.phoneType()));
        Optional<DirectoryUser> owner = owner(ContactFields.text(value(record, columns.owner())));
        Long ownerId = owner.map(user -> user.id().value()).orElse(null);
        Long teamId = owner.map(DirectoryUser::team)
                .or(() -> Optional.ofNullable(options.team()))
                .map(team -> team.value())
                .orElse(null);
        checkSomeoneSeesIt(ownerId, teamId);
        return ImportRow.of(row, name, company, email, phone, type, tags, ownerId, teamId, notes);
    }

    private NormalizedNumber phone(String raw) {
        String text = ContactFields.text(raw);
        if (text == null) {
            return null;
        }
        if (text.length() > NormalizedNumber.MAX_RAW_LENGTH) {
            throw new RowRejectedException(
                    "phone number longer than " + NormalizedNumber.MAX_RAW_LENGTH + " characters");
        }
        // A number that does not parse is kept raw and flagged: the row is still a good contact.
        return normalizer.normalize(text);
    }

    private static PhoneType phoneType(String text) {
        if (ContactFields.text(text) == null) {
            return null;
        }
        return PhoneType.fromText(text)
                .orElseThrow(() -> new RowRejectedException(
                        "unknown phone type '" + text.strip() + "' (use mobile, work, home, fax or other)"));
    }

    private Optional<DirectoryUser> owner(String username) {
        if (username == null) {
            return Optional.empty();
        }
        Optional<DirectoryUser> owner = owners.computeIfAbsent(username, directory::findByUsername);
        if (owner.isEmpty()) {
            throw new RowRejectedException("unknown owner '" + username + "'");
        }
        return owner;
    }

    private void checkSomeoneSeesIt(Long ownerId, Long teamId) {
        if (options.visibility() == Visibility.PRIVATE && ownerId == null) {
            throw new RowRejectedException("a private contact needs an owner");
        }
        if (options.visibility() == Visibility.TEAM && ownerId == null && teamId == null) {
            throw new RowRejectedException("a team contact needs an owner or a team");
        }
    }

    /** The record's value in that column; {@code null} when the column is not mapped or the row is short. */
    private static String value(CsvRow record, String column) {
        return record.get(column);
    }
}
