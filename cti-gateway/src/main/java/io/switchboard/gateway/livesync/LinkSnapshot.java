package io.switchboard.gateway.livesync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One part of the whole state of a PBX as its link's owner knows it: every agent logged in to a queue (with their
 * state), every queue's waiting callers and every queue the PBX listed. An agent or a queue the snapshot leaves out is
 * logged out, or has nobody waiting, as of {@code asOf}. Split into parts of at most {@link #ENTRIES_PER_PART} entries
 * so that each part fits one PostgreSQL notification (8,000 bytes); a receiver merges a snapshot only when it has all
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

    /** About 110 bytes of JSON each: 50 keep a part near 6,000 bytes with its header. */
    static final int ENTRIES_PER_PART = 50;

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
        String id = UUID.randomUUID().toString();
        int parts = Math.max(1, (entries.size() + ENTRIES_PER_PART - 1) / ENTRIES_PER_PART);
        List<LinkSnapshot> out = new ArrayList<>(parts);
        for (int part = 0; part < parts; part++) {
            List<Object> slice =
                    entries.subList(part * ENTRIES_PER_PART, Math.min(entries.size(), (part + 1) * ENTRIES_PER_PART));
            out.add(new LinkSnapshot(
                    id,
                    pbx,
                    from,
                    to,
                    asOf,
                    part,
                    parts,
                    only(slice, AgentEntry.class),
                    only(slice, QueueEntry.class),
                    only(slice, String.class)));
        }
        return out;
    }

    private static <T> List<T> only(List<Object> entries, Class<T> type) {
        return entries.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
