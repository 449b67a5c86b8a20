package io.switchboard.campaign.list;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which header columns of a list hold what. Every column not mapped here is kept as lead data.
 *
 * @param number the phone number (required)
 * @param name the full name; or give {@code firstName} and/or {@code lastName} instead ({@code null}: none)
 * @param timezone an IANA zone ({@code America/Chicago}) overriding the one taken from the number ({@code null}:
 *     none; an empty cell means "from the number")
 * @param priority a whole number; higher is dialled first ({@code null}: every lead gets 0)
 */
public record LeadColumns(
        String number, String name, String firstName, String lastName, String timezone, String priority) {

    public LeadColumns {
        if (number == null || number.isBlank()) {
            throw new IllegalArgumentException("the number column must be given");
        }
        number = number.strip();
        name = blankToNull(name);
        firstName = blankToNull(firstName);
        lastName = blankToNull(lastName);
        timezone = blankToNull(timezone);
        priority = blankToNull(priority);
    }

    /** A list with a number and a name column, both called so. */
    public static LeadColumns of(String number, String name) {
        return new LeadColumns(number, name, null, null, null, null);
    }

    public LeadColumns withTimezone(String column) {
        return new LeadColumns(number, name, firstName, lastName, column, priority);
    }

    public LeadColumns withPriority(String column) {
        return new LeadColumns(number, name, firstName, lastName, timezone, column);
    }

    /**
     * This mapping without the optional columns a list's header lacks (name, first and last name, timezone,
     * priority), so a list of bare numbers imports too. The number column stays: a list without it is refused with
     * its header in the reason. Like the contacts' {@code ColumnMapping.fittedTo}.
     */
    public LeadColumns fittedTo(Collection<String> header) {
        return new LeadColumns(
                number,
                present(name, header),
                present(firstName, header),
                present(lastName, header),
                present(timezone, header),
                present(priority, header));
    }

    private static String present(String column, Collection<String> header) {
        return column != null && header.contains(column) ? column : null;
    }

    /** The mapped columns by what they hold. */
    Map<String, String> mapped() {
        Map<String, String> mapped = new LinkedHashMap<>();
        mapped.put("number", number);
        put(mapped, "name", name);
        put(mapped, "first name", firstName);
        put(mapped, "last name", lastName);
        put(mapped, "timezone", timezone);
        put(mapped, "priority", priority);
        return mapped;
    }

    private static void put(Map<String, String> mapped, String what, String column) {
        if (column != null) {
            mapped.put(what, column);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
