package io.switchboard.contact.external;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Reads the external CRM's JSON answer into contacts, following the configured field mapping. */
final class ResponseMapping {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final String source;
    private final FieldPath records;
    private final FieldPath id;
    private final FieldPath name;
    private final FieldPath company;
    private final FieldPath email;
    private final FieldPath phone;
    private final FieldPath url;
    private final int maxRecords;

    ResponseMapping(String source, ExternalCrmProperties.Mapping mapping, int maxRecords) {
        this.source = source;
        this.records = FieldPath.of(mapping.records());
        this.id = FieldPath.of(mapping.id());
        this.name = FieldPath.of(mapping.name());
        this.company = FieldPath.of(mapping.company());
        this.email = FieldPath.of(mapping.email());
        this.phone = FieldPath.of(mapping.phone());
        this.url = FieldPath.of(mapping.url());
        this.maxRecords = maxRecords;
    }

    /**
     * The records of an answer, at most {@code maxRecords}; empty when it has none.
     *
     * @throws LookupFailedException ({@link UnavailableReason#MALFORMED_RESPONSE}) saying what is wrong with it
     */
    List<ExternalContact> read(byte[] body) {
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (JacksonException e) {
            throw malformed("the body is not JSON: " + e.getOriginalMessage());
        }
        if (answer == null || answer.isMissingNode()) {
            throw malformed("the body is empty");
        }
        JsonNode found = records.in(answer);
        if (found.isMissingNode()) {
            throw malformed("the answer has nothing at " + records + ", where the records should be");
        }
        if (found.isNull()) {
            return List.of();
        }
        if (found.isObject()) {
            return List.of(contact(found, 0));
        }
        if (!found.isArray()) {
            throw malformed("the records at " + records + " are neither an array nor an object");
        }
        List<ExternalContact> contacts = new ArrayList<>();
        for (int i = 0; i < found.size() && contacts.size() < maxRecords; i++) {
            contacts.add(contact(found.get(i), i));
        }
        return List.copyOf(contacts);
    }

    private ExternalContact contact(JsonNode record, int index) {
        if (!record.isObject()) {
            throw malformed("record " + index + " is not an object");
        }
        return new ExternalContact(
                source,
                value(record, id, index),
                value(record, name, index),
                value(record, company, index),
                value(record, email, index),
                value(record, phone, index),
                value(record, url, index));
    }

    private static String value(JsonNode record, FieldPath path, int index) {
        if (path.isSelf()) {
            return null;
        }
        JsonNode node = path.in(record);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isValueNode()) {
            throw malformed("field " + path + " of record " + index + " is not a single value");
        }
        String text = node.asString().strip();
        return text.isEmpty() ? null : text;
    }

    private static LookupFailedException malformed(String problem) {
        return new LookupFailedException(UnavailableReason.MALFORMED_RESPONSE, problem);
    }
}
