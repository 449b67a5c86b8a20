package io.switchboard.sessions;

import java.time.LocalDate;
import java.util.List;

/** Agent sessions for a range of days: a line per agent and day with anything in it, by day then agent. */
public record AgentSessionReport(LocalDate from, LocalDate to, String zone, List<AgentDay> days) {}
