package io.switchboard.campaign.list;

import io.switchboard.campaign.LeadNumbers;
import io.switchboard.campaign.LeadNumbers.LeadNumber;
import io.switchboard.csv.CsvRow;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks one list row: the number must be a valid number (stored in E.164), the zone comes from the row's timezone
 * column when filled in, else from the number (the first of several), else the configured fallback.
 */
final class ListRowReader {

    /** Thrown for a row that cannot be imported; the message is the reason in the report. */
    static final class Rejected extends Exception {
        final String kind;

        Rejected(String kind, String reason) {
            super(reason, null, false, false);
            this.kind = kind;
        }
    }

    private final LeadColumns columns;
    private final LeadNumbers numbers;
    private final String fallbackZone;
    private final List<String> dataColumns;
    private final Set<String> knownZones = ZoneId.getAvailableZoneIds();

    ListRowReader(LeadColumns columns, LeadNumbers numbers, String fallbackZone, List<String> header) {
        this.columns = columns;
        this.numbers = numbers;
        this.fallbackZone = fallbackZone;
        this.dataColumns = header.stream()
                .filter(column -> !columns.mapped().containsValue(column))
                .toList();
    }

    ListRow read(CsvRow record) throws Rejected {
        String number = cell(record, columns.number());
        if (number == null) {
            throw new Rejected("missing_number", "no phone number");
        }
        LeadNumber lead = numbers.read(number)
                .orElseThrow(() -> new Rejected("invalid_number", "not a valid phone number: " + number));
        String zone = zone(record, lead);
        int priority = priority(record);
        Map<String, String> data = new LinkedHashMap<>();
        for (String column : dataColumns) {
            String value = cell(record, column);
            if (value != null) {
                data.put(column, value);
            }
        }
        return new ListRow(record.line(), record.cells(), lead.e164(), name(record), zone, priority, data);
    }

    private String zone(CsvRow record, LeadNumber lead) throws Rejected {
        String given = columns.timezone() == null ? null : cell(record, columns.timezone());
        if (given != null) {
            try {
                String id = ZoneId.of(given).getId();
                if (knownZones.contains(id)) {
                    return id;
                }
            } catch (DateTimeException e) {
                // reported below
            }
            throw new Rejected("invalid_timezone", "unknown time zone: " + given);
        }
        Optional<String> fromNumber =
                lead.zones().stream().filter(knownZones::contains).findFirst();
        if (fromNumber.isPresent()) {
            return fromNumber.get();
        }
        if (fallbackZone != null) {
            return fallbackZone;
        }
        throw new Rejected("unknown_timezone", "no time zone known for " + lead.e164() + "; give one in the row");
    }

    private int priority(CsvRow record) throws Rejected {
        String text = columns.priority() == null ? null : cell(record, columns.priority());
        if (text == null) {
            return 0;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new Rejected("invalid_priority", "priority is not a whole number: " + text);
        }
    }

    private String name(CsvRow record) {
        if (columns.name() != null) {
            return truncate(cell(record, columns.name()));
        }
        String first = columns.firstName() == null ? null : cell(record, columns.firstName());
        String last = columns.lastName() == null ? null : cell(record, columns.lastName());
        if (first == null && last == null) {
            return null;
        }
        return truncate(first == null ? last : last == null ? first : first + " " + last);
    }

    private static String cell(CsvRow record, String column) {
        String value = record.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300);
    }
}
