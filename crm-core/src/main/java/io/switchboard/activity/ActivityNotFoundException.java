package io.switchboard.activity;

/** No such activity, or none the viewer may see (the two are not told apart, so ids reveal nothing). */
public class ActivityNotFoundException extends RuntimeException {

    public ActivityNotFoundException(ActivityId id) {
        super("no activity " + id.value());
    }
}
