package io.switchboard.activity;

import io.switchboard.contact.ContactId;
import io.switchboard.contact.NumberOwners;
import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Finds who an ended call was with: the contact behind the customer's number and the user behind the agent. */
final class CallParties {

    private final NumberOwners owners;
    private final Directory directory;

    CallParties(NumberOwners owners, Directory directory) {
        this.owners = owners;
        this.directory = directory;
    }

    /**
     * Only a number that is exactly one contact's links the call: when several contacts share it, or only a fuzzy
     * match exists, the agent picks the contact in the pop and sets it with the disposition.
     */
    List<CallRecord> resolve(List<CallEnded> calls) {
        Map<String, ContactId> contacts = owners.soleOwners(calls.stream()
                .map(CallRecord::customerNumberOf)
                .filter(Objects::nonNull)
                .toList());
        Map<String, DirectoryUser> agents = directory.findByExtensions(
                calls.stream().map(CallRecord::agentOf).filter(Objects::nonNull).collect(Collectors.toSet()));
        List<CallRecord> records = new ArrayList<>(calls.size());
        for (CallEnded call : calls) {
            String extension = CallRecord.agentOf(call);
            DirectoryUser agent = extension == null ? null : agents.get(extension);
            records.add(new CallRecord(
                    call,
                    contactOf(contacts, CallRecord.customerNumberOf(call)),
                    extension,
                    agent == null ? null : agent.id().value(),
                    agent == null || agent.team() == null ? null : agent.team().value()));
        }
        return records;
    }

    private static Long contactOf(Map<String, ContactId> contacts, String number) {
        ContactId contact = number == null ? null : contacts.get(number);
        return contact == null ? null : contact.value();
    }
}
