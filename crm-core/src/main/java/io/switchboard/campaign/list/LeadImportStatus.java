package io.switchboard.campaign.list;

public enum LeadImportStatus {
    RUNNING,
    DONE,
    /** Stopped part-way (the file stopped being CSV, or the database failed); the rows written so far are kept. */
    FAILED
}
