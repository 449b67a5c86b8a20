package io.switchboard.contact;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hands out ids from a database sequence a block at a time, the way Hibernate's pooled optimiser does: each
 * {@code nextval} of a sequence incremented by {@code blockSize} reserves the ids {@code (value - blockSize, value]}
 * for whoever fetched it, so the importer and Hibernate never hand out the same id.
 */
class IdBlocks {

    private final JdbcTemplate jdbc;
    private final String sql;
    private final int blockSize;
    private long next;
    private long last = -1;

    IdBlocks(JdbcTemplate jdbc, String sequence, int blockSize) {
        this.jdbc = jdbc;
        this.sql = "select nextval('" + sequence + "')";
        this.blockSize = blockSize;
    }

    long next() {
        if (next > last) {
            Long high = jdbc.queryForObject(sql, Long.class);
            if (high == null) {
                throw new IllegalStateException("the sequence returned no value: " + sql);
            }
            last = high;
            // The very first block of a sequence starting at 1 would reach below 1.
            next = Math.max(1, high - blockSize + 1);
        }
        return next++;
    }
}
