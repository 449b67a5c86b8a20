package io.switchboard.contact;

import io.switchboard.contact.CallerMatchQueries.Candidate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Decides how well each candidate number matched a caller, and keeps the contacts at the best rank. */
final class CallerRanking {

    private CallerRanking() {}

    static CallerMatch best(CallerNumber caller, List<Candidate> candidates, int maxMatches) {
        // Each contact counts with its best-matching number; contacts in id order.
        Map<ContactId, Candidate> byContact = new TreeMap<>((a, b) -> Long.compare(a.value(), b.value()));
        Map<ContactId, MatchRank> ranks = new TreeMap<>((a, b) -> Long.compare(a.value(), b.value()));
        MatchRank best = MatchRank.NONE;
        for (Candidate candidate : candidates) {
            MatchRank rank = rank(caller, candidate);
            ContactId id = candidate.contact().id();
            if (rank != MatchRank.NONE && rank.compareTo(ranks.getOrDefault(id, MatchRank.NONE)) < 0) {
                ranks.put(id, rank);
                byContact.put(id, candidate);
            }
            best = rank.compareTo(best) < 0 ? rank : best;
        }
        if (best == MatchRank.NONE) {
            return CallerMatch.none(NoMatchReason.NOT_FOUND);
        }
        MatchRank top = best;
        List<MatchedContact> contacts = byContact.entrySet().stream()
                .filter(entry -> ranks.get(entry.getKey()) == top)
                .map(entry -> entry.getValue().contact())
                .limit(maxMatches)
                .toList();
        return CallerMatch.found(top, contacts);
    }

    static MatchRank rank(CallerNumber caller, Candidate candidate) {
        Phone phone = candidate.contact().phone();
        if (caller.e164() != null && caller.e164().equals(phone.e164())) {
            return MatchRank.EXACT;
        }
        boolean sameNationalNumber =
                caller.nationalNumber() != null && caller.nationalNumber().equals(candidate.nationalNumber());
        boolean sameUnparsedDigits =
                phone.unparseable() && caller.reversedDigitForms().contains(candidate.reversedDigits());
        if (sameNationalNumber || sameUnparsedDigits) {
            return MatchRank.NATIONAL;
        }
        String digits = candidate.reversedDigits();
        if (caller.reversedTail() != null && digits != null && digits.startsWith(caller.reversedTail())) {
            return MatchRank.TRAILING_DIGITS;
        }
        return MatchRank.NONE;
    }
}
