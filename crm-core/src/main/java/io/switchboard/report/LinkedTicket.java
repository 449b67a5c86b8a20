package io.switchboard.report;

/** A ticket a call is linked to, as the call's detail names it. */
public record LinkedTicket(long id, String subject, String status, String tier) {}
