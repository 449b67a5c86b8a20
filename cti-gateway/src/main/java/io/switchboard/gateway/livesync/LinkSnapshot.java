package io.switchboard.gateway.livesync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * One part of the whole state of a PBX as its link's owner knows it: every agent logged in to a queue (with their
 * state), every queue's waiting callers and every queue the PBX listed. An agent or a queue the snapshot leaves out is
 * logged out, or has nobody waiting, as of {@code asOf}. Split into parts of at most {@link #PART_BUDGET} bytes of
 * entries so that each part fits one PostgreSQL notification (8,000 bytes); a receiver merges a snapshot only when it has all
 * its parts.
 *
 * @param id the snapshot's id, the same in each of its parts
 * @param to the node that asked for it; {@code null}: every node (an owner that just listed its PBX)
 * @param asOf the latest time among the owner's events of the PBX when it took the snapshot (the PBX's clock)
 */
public record LinkSnapshot(
        String id,
        String pbx,
        String from,
        String to,
        Instant asOf,
        int part,
        int parts,
        List<AgentEntry> agents,
        List<QueueEntry> queues,
        List<String> listed) {

    /**
     * Bytes of JSON entries in one part: with the part's own fields (ids, node names of up to 63 characters) and the
     * bus's header line it stays under PostgreSQL's 8,000-byte notification, so no part goes through the table of
     * large messages.
     */
    static final int PART_BUDGET = 7_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public LinkSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pbx, "pbx");
        Objects.requireNonNull(asOf, "asOf");
        agents = agents == null ? List.of() : List.copyOf(agents);
        queues = queues == null ? List.of() : List.copyOf(queues);
        listed = listed == null ? List.of() : List.copyOf(listed);
    }

    /** The parts of {@code pbx}'s state in {@code book}, addressed to {@code to} (null: every node). */
    static List<LinkSnapshot> of(LiveStateBook book, String pbx, String from, String to) {
        Instant asOf = book.asOf(pbx);
        List<Object> entries = new ArrayList<>();
        entries.addAll(book.agentsOf(pbx));
        entries.addAll(book.queuesOf(pbx));
        entries.addAll(book.listedOf(pbx));
        List<List<Object>> slices = new ArrayList<>();
        List<Object> slice = new ArrayList<>();
        int bytes = 0;
        for (Object entry : entries) {
            int size = JSON.writeValueAsString(entry).length() + 1;
            if (!slice.isEmpty() && bytes + size > PART_BUDGET) {
                slices.add(slice);
                slice = new ArrayList<>();
                bytes = 0;
            }
            slice.add(entry);
            bytes += size;
        }
        slices.add(slice); // an empty state is one empty part: it still says "nobody"
        String id = UUID.randomUUID().toString();
        List<LinkSnapshot> out = new ArrayList<>(slices.size());
        for (int part = 0; part < slices.size(); part++) {
            List<Object> entriesOfPart = slices.get(part);
            out.add(new LinkSnapshot(
                    id,
                    pbx,
                    from,
                    to,
                    asOf,
                    part,
                    slices.size(),
                    only(entriesOfPart, AgentEntry.class),
                    only(entriesOfPart, QueueEntry.class),
                    only(entriesOfPart, String.class)));
        }
        return out;
    }

    private static <T> List<T> only(List<Object> entries, Class<T> type) {
        return entries.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
