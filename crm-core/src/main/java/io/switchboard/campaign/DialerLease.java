package io.switchboard.campaign;

import io.switchboard.lease.NamedLease;
import java.time.Clock;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Lets one node at a time run the dialer: the {@link #DIALER} row of the named leases. */
public class DialerLease extends NamedLease {

    /** The lease the dialer loop takes. */
    public static final String DIALER = "dialer";

    public DialerLease(NamedParameterJdbcTemplate jdbc, Clock clock, String name) {
        super(jdbc, clock, name);
    }
}
