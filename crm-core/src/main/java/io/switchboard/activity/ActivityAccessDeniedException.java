package io.switchboard.activity;

/** The viewer may see the activity but not complete it: it is another agent's call. */
public class ActivityAccessDeniedException extends RuntimeException {

    public ActivityAccessDeniedException(ActivityId id) {
        super("activity " + id.value() + " belongs to another agent's call");
    }
}
