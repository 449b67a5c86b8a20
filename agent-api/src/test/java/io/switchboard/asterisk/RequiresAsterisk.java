package io.switchboard.asterisk;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only where a real Asterisk is configured ({@link AsteriskSetting}); skips it with the reason
 * otherwise, or fails it under {@code CI=true}. Evaluated before the test instance (and its Spring context, which
 * starts the rig) is created. The rig it starts is closed with the test run, whatever the tests' results.
 */
public final class RequiresAsterisk implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (AsteriskSetting.binary().isPresent()) {
            context.getRoot()
                    .getStore(ExtensionContext.Namespace.create(RequiresAsterisk.class))
                    .getOrComputeIfAbsent("rig-closer", key -> new RigCloser(), RigCloser.class);
            return ConditionEvaluationResult.enabled(
                    "real Asterisk at " + AsteriskSetting.binary().get());
        }
        if (AsteriskSetting.required()) {
            throw new IllegalStateException("CI=true and " + AsteriskSetting.missingMessage());
        }
        return ConditionEvaluationResult.disabled(AsteriskSetting.missingMessage());
    }

    /** Closed by JUnit when the whole run ends: stops the shared rig if one was started. */
    private static final class RigCloser implements AutoCloseable {
        @Override
        public void close() {
            AsteriskRig.stopShared();
        }
    }
}
