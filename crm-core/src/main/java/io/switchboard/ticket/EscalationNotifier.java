package io.switchboard.ticket;

/**
 * Port: tells people that a ticket escalated (to their tier, or past its SLA with no tier left). Every bean
 * implementing it is called once per escalation, after the escalation's transaction committed, on the thread that
 * escalated (a scheduler pass or a request): implementations that talk to the network hand the notice to their own
 * thread. A notifier that throws is logged and counted; the others are still called. agent-api wires the CTI edge
 * (a desktop message to each recipient); without any bean, escalations are only logged.
 */
public interface EscalationNotifier {

    void escalated(EscalationNotice notice);
}
