package io.switchboard.campaign;

/** A campaign's lifecycle: {@code DRAFT -> RUNNING <-> PAUSED -> FINISHED}; finished is final. */
public enum CampaignStatus {
    DRAFT,
    RUNNING,
    PAUSED,
    FINISHED;

    /** Whether a campaign in this status may move to {@code next}. */
    public boolean canMoveTo(CampaignStatus next) {
        return switch (this) {
            case DRAFT -> next == RUNNING || next == FINISHED;
            case RUNNING -> next == PAUSED || next == FINISHED;
            case PAUSED -> next == RUNNING || next == FINISHED;
            case FINISHED -> false;
        };
    }
}
