package io.switchboard.csv;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** The rows of a generated import file, for the fuzz tests of what reads CSV files from outside. */
public final class FuzzRows {

    private FuzzRows() {}

    /**
     * Up to 30 rows, three good ones to one bad one, and perhaps a row with an unclosed quote last: such a quote pairs
     * with the next quote in the file (see {@link CsvFuzzTest}), so only the last row can have one.
     */
    public static <R> Arbitrary<List<R>> mixed(Arbitrary<R> good, Arbitrary<R> bad, Arbitrary<R> unclosedQuote) {
        return Combinators.combine(
                        Arbitraries.frequencyOf(Tuple.of(3, good), Tuple.of(1, bad))
                                .list()
                                .ofMaxSize(30),
                        unclosedQuote.optional())
                .as((rows, last) -> {
                    List<R> all = new ArrayList<>(rows);
                    last.ifPresent(all::add);
                    return all;
                });
    }
}
