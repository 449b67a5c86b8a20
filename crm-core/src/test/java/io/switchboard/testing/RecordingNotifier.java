package io.switchboard.testing;

import io.switchboard.ticket.EscalationNotice;
import io.switchboard.ticket.EscalationNotifier;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every escalation notice, for tests to read (the sink standing in for the CTI edge and e-mail). */
public final class RecordingNotifier implements EscalationNotifier {

    private final List<EscalationNotice> notices = new CopyOnWriteArrayList<>();

    @Override
    public void escalated(EscalationNotice notice) {
        notices.add(notice);
    }

    public List<EscalationNotice> notices() {
        return List.copyOf(notices);
    }

    public void clear() {
        notices.clear();
    }
}
