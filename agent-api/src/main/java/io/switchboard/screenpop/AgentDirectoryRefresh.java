package io.switchboard.screenpop;

import io.switchboard.directory.UserChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Empties the pops' cache of extensions once an admin's change to a user is committed (not before: a reload before
 * the commit would remember the old extension for minutes). A changed extension rings its new owner from the next
 * call on, without a restart.
 */
@Component
class AgentDirectoryRefresh {

    private final AgentDirectory directory;

    AgentDirectoryRefresh(AgentDirectory directory) {
        this.directory = directory;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void userChanged(UserChanged changed) {
        directory.forget();
    }
}
