package io.switchboard.queue;

/**
 * The ranges of queue settings, checked where they are stored (the API checks the same with Bean Validation, so a
 * caller gets every field's problem at once; this is the guard for any other caller).
 */
final class QueueSettingsChecks {

    private QueueSettingsChecks() {}

    static void check(QueueSettings.Edit edit) {
        if (edit.displayName() != null && edit.displayName().length() > 100) {
            throw new InvalidQueueSettingsException("displayName", "must be at most 100 characters");
        }
        range("serviceLevelSeconds", edit.serviceLevelSeconds(), 1, 3600);
        range("serviceLevelTargetPercent", edit.serviceLevelTargetPercent(), 1, 99);
        range("wrapUpSeconds", edit.wrapUpSeconds(), 0, 3600);
    }

    private static void range(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw new InvalidQueueSettingsException(field, "must be between " + min + " and " + max);
        }
    }
}
