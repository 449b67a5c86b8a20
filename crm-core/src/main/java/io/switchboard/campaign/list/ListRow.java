package io.switchboard.campaign.list;

import java.util.List;
import java.util.Map;

/** A list row that passed the checks: its number in E.164, its zone, name, priority and the other columns. */
record ListRow(
        long row,
        List<String> cells,
        String e164,
        String name,
        String timezone,
        int priority,
        Map<String, String> data) {}
