package io.switchboard.directory;

import io.switchboard.csv.CsvFile;
import io.switchboard.csv.CsvFormatException;
import io.switchboard.csv.CsvRejection;
import io.switchboard.csv.CsvRow;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * Creates users from a CSV file with the columns {@code username, name, role, team, extension, email} (and
 * optionally {@code active}, and {@code pbx}: the PBX of the extension, the first configured when left out), read by the shared reader: each row is created on its own, so good rows are kept and
 * bad ones reported with their line, as the contact import does. Existing usernames are rejected, not changed.
 * Imported users have no password yet: an admin sets a first one, which they change at their first login.
 */
@Service
public class UserImport {

    static final List<String> COLUMNS =
            List.of("username", "name", "role", "team", "extension", "email", "active", "pbx");
    private static final List<String> REQUIRED = List.of("username", "role");

    private final UserAdministration users;

    UserImport(UserAdministration users) {
        this.users = users;
    }

    /**
     * @param delimiter {@code null} to take it from the header
     * @param charset {@code null} to detect it
     * @throws CsvFormatException no header, or a header without {@code username} or {@code role}
     */
    public UserImportReport importCsv(byte[] file, Character delimiter, Charset charset, Viewer actor) {
        CsvFile csv = CsvFile.read(file, delimiter, charset);
        for (String column : REQUIRED) {
            if (!csv.header().contains(column)) {
                throw new CsvFormatException("the header has no column '" + column + "' (it has "
                        + String.join(", ", csv.header().names()) + "); the columns are " + String.join(", ", COLUMNS));
            }
        }
        List<UserImportReport.Rejection> rejections = new ArrayList<>();
        for (CsvRejection broken : csv.rejections()) {
            rejections.add(new UserImportReport.Rejection(broken.line(), broken.reason()));
        }
        long created = 0;
        for (CsvRow row : csv.rows()) {
            try {
                users.create(form(row), actor);
                created++;
            } catch (InvalidUserException | DirectoryConflictException e) {
                rejections.add(new UserImportReport.Rejection(row.line(), e.getMessage()));
            }
        }
        rejections.sort(Comparator.comparingLong(UserImportReport.Rejection::row));
        return new UserImportReport(
                csv.rows().size() + csv.rejections().size(),
                created,
                rejections.size(),
                rejections,
                csv.encoding(),
                String.valueOf(csv.header().delimiter()));
    }

    private static UserForm form(CsvRow row) {
        String role = row.get("role");
        Role parsed;
        try {
            parsed = role == null || role.isBlank()
                    ? null
                    : Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidUserException(
                    "role", "no role '" + role + "': AGENT, SUPERVISOR, CAMPAIGN_MANAGER or ADMIN");
        }
        String active = row.get("active");
        if (active != null
                && !active.isBlank()
                && !active.strip().equalsIgnoreCase("true")
                && !active.strip().equalsIgnoreCase("false")) {
            throw new InvalidUserException("active", "active is true or false, not '" + active + "'");
        }
        return new UserForm(
                row.get("username"),
                row.get("name"),
                parsed,
                row.get("team"),
                row.get("extension"),
                row.get("email"),
                active == null || active.isBlank() || active.strip().equalsIgnoreCase("true"),
                row.get("pbx"));
    }
}
