package io.switchboard.simulator;

/**
 * The simulated agent phone: the {@code agent-sim} dialplan the traces were recorded with, run by the {@code ;2}
 * side of an agent's Local pair. It rings for RING seconds, answers, sets {@code Custom:<ext>} to INUSE, waits
 * TALK seconds and hangs up; a hangup handler sets the device back to NOT_INUSE. Its Newexten/VarSet events are
 * noise a tracker must ignore; they are left out when the leg is not noisy.
 */
final class AgentPhone {

    private static final String HANGUP_CONTEXT = "agent-sim-hangup";

    private final ChannelEvents events;
    private final QueueEvents queueEvents;

    AgentPhone(SimulatedPbx pbx) {
        this.events = pbx.channelEvents();
        this.queueEvents = pbx.queueEvents();
    }

    /** Priorities 1-6 (or 12 for a phone that never answers): read RING/TALK, push the handler, start ringing. */
    void startRinging(AgentLeg leg) {
        SimChannel phone = leg.two;
        String ext = leg.extension;
        if (leg.noisy) {
            events.varSet(phone, "DB_RESULT", leg.ringText());
            events.varSet(phone, "DB_RESULT", leg.ringText());
            events.newExten(phone, 1, "Set", "RING=" + leg.ringText());
            events.varSet(phone, "RING", leg.ringText());
            if (leg.talkFromDatabase) {
                events.varSet(phone, "DB_RESULT", leg.talkText());
                events.varSet(phone, "DB_RESULT", leg.talkText());
            }
            events.newExten(phone, 2, "Set", "TALK=" + leg.talkText());
            events.varSet(phone, "TALK", leg.talkText());
            String handler = HANGUP_CONTEXT + ",s,1(" + ext + ")";
            events.newExten(phone, 3, "Set", "CHANNEL(hangup_handler_push)=" + handler);
            events.writer()
                    .start("HangupHandlerPush", EventWriter.DIALPLAN)
                    .channel(phone)
                    .field("Handler", handler)
                    .send();
            events.newExten(phone, 4, "Set", "DEVICE_STATE(Custom:" + ext + ")=RINGING");
        }
        events.deviceState("Custom:" + ext, "RINGING");
        if (leg.noisy) {
            events.newExten(phone, 5, "GotoIf", (leg.answers() ? "0" : "1") + "?noanswer");
            events.newExten(phone, leg.answers() ? 6 : 12, "Ringing", "");
        }
    }

    /** Priority 7 (or 13): wait before answering. */
    void waitToAnswer(AgentLeg leg) {
        if (leg.noisy) {
            events.newExten(leg.two, leg.answers() ? 7 : 13, "Wait", leg.answers() ? leg.ringText() : "60");
        }
    }

    /** Priority 8: the phone answers. */
    void answer(AgentLeg leg) {
        if (leg.noisy) {
            events.newExten(leg.two, 8, "Answer", "");
        }
        events.cel().answer(leg.two);
        events.newState(leg.two, ChannelState.UP);
    }

    /** Priorities 9-10, half a second after answering: the phone shows busy and talks. */
    void talk(AgentLeg leg, boolean queueCall) {
        if (leg.noisy) {
            events.newExten(leg.two, 9, "Set", "DEVICE_STATE(Custom:" + leg.extension + ")=INUSE");
        }
        events.deviceState("Custom:" + leg.extension, "INUSE");
        queueEvents.agentDevice(leg.extension, SimMember.INUSE, queueCall);
        if (leg.noisy) {
            events.newExten(leg.two, 10, "Wait", leg.talkText());
        }
    }

    /** Priority 11: the agent hangs up. */
    void hangUp(AgentLeg leg) {
        if (leg.noisy) {
            events.newExten(leg.two, 11, "Hangup", "");
        }
        events.softHangupRequest(leg.two, CauseText.NORMAL_CLEARING);
    }

    /**
     * The hangup handler {@code agent-sim-hangup,s,1(<ext>)}: the phone goes back to NOT_INUSE. Afterwards the
     * channel shows its dialplan position from before the handler again, as in the Hangup event of the traces.
     */
    void runHangupHandler(AgentLeg leg, SimQueue queueTaken) {
        SimChannel phone = leg.two;
        String context = phone.context();
        String exten = phone.exten();
        int priority = phone.priority();
        if (leg.noisy) {
            String handler = HANGUP_CONTEXT + ",s,1(" + leg.extension + ")";
            events.writer()
                    .start("HangupHandlerRun", EventWriter.DIALPLAN)
                    .channel(phone)
                    .field("Handler", handler)
                    .send();
            events.varSet(phone, "LOCAL(ARG1)", leg.extension);
            events.varSet(phone, "LOCAL(ARGC)", "1");
            phone.dialplan(HANGUP_CONTEXT, "s", 1);
            events.newExten(phone, 1, "Set", "DEVICE_STATE(Custom:" + leg.extension + ")=NOT_INUSE");
        }
        if (queueTaken != null) {
            queueEvents.callTaken(queueTaken, leg.extension);
        }
        queueEvents.agentDevice(leg.extension, SimMember.NOT_INUSE, false);
        events.deviceState("Custom:" + leg.extension, "NOT_INUSE");
        if (leg.noisy) {
            events.newExten(phone, 2, "Return", "");
            events.varSet(phone, "ARGC", "");
            events.varSet(phone, "ARG1", "");
            events.varSet(phone, "GOSUB_RETVAL", "");
            phone.dialplan(context, exten, priority);
        }
    }
}
