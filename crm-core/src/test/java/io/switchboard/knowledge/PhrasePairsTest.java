package io.switchboard.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which word pairs a phrase query needs, from the query as PostgreSQL prints it. */
class PhrasePairsTest {

    @Test
    void eachTwoNeighboursOfAPhraseArePairsEveryMatchMustHave() {
        assertThat(PhrasePairs.required("'reset' <-> 'password'")).hasValue("'reset password'");
        assertThat(PhrasePairs.required("'slow' <-> 'wifi' <-> 'laptop' & 'router'"))
                .hasValue("'slow wifi' & 'wifi laptop'");
        assertThat(PhrasePairs.required("'o''neil' <-> 'account'")).hasValue("'o''neil account'");
    }

    @Test
    void noPairsWhereTheyAreNotRequired() {
        assertThat(PhrasePairs.required("'reset' & 'password'")).isEmpty();
        assertThat(PhrasePairs.required("'reset' <-> 'password' | 'pin'")).isEmpty();
        assertThat(PhrasePairs.required("'router' & !( 'reset' <-> 'password' )"))
                .isEmpty();
        // a stop word between: the words are two apart, not neighbours
        assertThat(PhrasePairs.required("'reset' <2> 'password'")).isEmpty();
        assertThat(PhrasePairs.required("")).isEmpty();
    }
}
