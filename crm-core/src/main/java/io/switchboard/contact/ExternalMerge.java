package io.switchboard.contact;

import io.switchboard.contact.external.ExternalContact;
import io.switchboard.contact.external.ExternalLookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Attaches each external record to the first matched local contact (by id) with the same E.164 number or the
 * same email (ignoring case); the others stay external-only.
 */
final class ExternalMerge {

    private final PhoneNormalizer normalizer;

    ExternalMerge(PhoneNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    ExternalRecords merge(ExternalLookup lookup, List<Contact> local) {
        if (lookup.contacts().isEmpty() || local.isEmpty()) {
            return ExternalRecords.of(lookup);
        }
        List<ExternalRecords.AttachedRecord> attached = new ArrayList<>();
        List<ExternalContact> externalOnly = new ArrayList<>();
        for (ExternalContact record : lookup.contacts()) {
            Optional<Contact> same = sameAs(record, local);
            if (same.isPresent()) {
                attached.add(new ExternalRecords.AttachedRecord(same.get().id(), record));
            } else {
                externalOnly.add(record);
            }
        }
        return new ExternalRecords(lookup.status(), lookup.reason(), attached, externalOnly);
    }

    private Optional<Contact> sameAs(ExternalContact record, List<Contact> local) {
        String e164 = record.phone() == null
                ? null
                : normalizer.normalize(record.phone()).e164();
        String email = lowerCase(record.email());
        return local.stream()
                .filter(contact -> (e164 != null && hasNumber(contact, e164))
                        || (email != null && email.equals(lowerCase(contact.email()))))
                .findFirst();
    }

    private static boolean hasNumber(Contact contact, String e164) {
        return contact.phones().stream().anyMatch(phone -> Objects.equals(e164, phone.e164()));
    }

    private static String lowerCase(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
