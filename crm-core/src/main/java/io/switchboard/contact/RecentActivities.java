package io.switchboard.contact;

import java.util.Collection;
import java.util.List;

/**
 * Port to the activity history, implemented by the activity package. Until a bean implementing it exists, the
 * screen pop shows no history ({@link #NONE}).
 */
public interface RecentActivities {

    /** Shows no history: what pops get while no activity store is wired in. */
    RecentActivities NONE = (contacts, limit) -> List.of();

    /** The latest activities of any of these contacts, newest first, at most {@code limit}. */
    List<RecentActivity> latest(Collection<ContactId> contacts, int limit);
}
