package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Indexes for the ticket workbench's views. A tier's queue (unassigned, active, most urgent first) and a user's own
 * active tickets are read in SLA order straight from an index, stopping after one page, however many tickets wait:
 * on PostgreSQL as partial indexes holding only active rows (closed tickets pile up, queues stay small). H2 (the
 * demo) has no partial indexes: there plain ones serve. A Java migration because one SQL file cannot hold both.
 */
public class V19_20__ticket_workbench_indexes extends BaseJavaMigration {

    /** The same expression as the workbench's priority sort ({@code TicketWorkbench}), or the index is not used. */
    static final String PRIORITY_RANK =
            "case priority when 'URGENT' then 0 when 'HIGH' then 1 when 'NORMAL' then 2 else 3 end";

    @Override
    public void migrate(Context context) throws Exception {
        boolean postgres = "PostgreSQL"
                .equalsIgnoreCase(context.getConnection().getMetaData().getDatabaseProductName());
        String active = postgres ? " where status in ('NEW', 'OPEN', 'PENDING_CUSTOMER')" : "";
        try (Statement sql = context.getConnection().createStatement()) {
            sql.execute("create index tickets_queue_ix on tickets (tier, next_check_at, created_at, id)"
                    + (postgres ? active + " and assignee_id is null" : ""));
            sql.execute(
                    "create index tickets_mine_ix on tickets (assignee_id, next_check_at, created_at, id)" + active);
            if (postgres) {
                // a queue by priority: the workbench's sort expression, urgent first, then by SLA
                sql.execute("create index tickets_queue_priority_ix on tickets (tier, (" + PRIORITY_RANK + "),"
                        + " next_check_at, created_at, id)" + active + " and assignee_id is null");
            }
        }
    }
}
