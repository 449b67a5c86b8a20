package io.switchboard.contact;

import java.util.List;

/**
 * The contacts a caller's number matched: all those that matched equally well at the best rank, for the agent to
 * pick from.
 *
 * @param rank how they matched; {@link MatchRank#NONE} when nobody did
 * @param contacts the matched contacts, empty when nobody matched
 * @param reason why nobody matched; {@code null} when contacts were found
 */
public record CallerMatch(MatchRank rank, List<MatchedContact> contacts, NoMatchReason reason) {

    public CallerMatch {
        contacts = List.copyOf(contacts);
        if (contacts.isEmpty() != (rank == MatchRank.NONE) || contacts.isEmpty() != (reason != null)) {
            throw new IllegalArgumentException("a match has contacts and a rank, an empty one a reason");
        }
    }

    public static CallerMatch found(MatchRank rank, List<MatchedContact> contacts) {
        return new CallerMatch(rank, contacts, null);
    }

    public static CallerMatch none(NoMatchReason reason) {
        return new CallerMatch(MatchRank.NONE, List.of(), reason);
    }

    public boolean isEmpty() {
        return contacts.isEmpty();
    }
}
