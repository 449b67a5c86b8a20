package io.switchboard.campaign.list;

import java.util.List;

/**
 * A list row that was not imported.
 *
 * @param row the row's number as a spreadsheet shows it: the header is row 1, the first lead row 2
 * @param cells the row's cells as read (a line that is not CSV at all: the line as one cell)
 * @param reason what is wrong with it ({@code not a valid phone number}, {@code on the global do-not-call list})
 */
public record RejectedLead(long row, List<String> cells, String reason) {

    public RejectedLead {
        cells = List.copyOf(cells);
    }
}
