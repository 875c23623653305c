package io.mingjing.platform.consultation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TallyTest {

    @Test
    void aYesNoVoteCarriesWithMoreThanTheThresholdOfBallotsCastAbstentionsIncluded() {
        assertEquals(0, new Tally(Tally.YES_NO, new long[] { 6, 3, 1 }, 10, 50, 50).carried());
        assertEquals(-1, new Tally(Tally.YES_NO, new long[] { 5, 3, 2 }, 10, 50, 50).carried(), "half is not more than half");
        assertEquals(-1, new Tally(Tally.YES_NO, new long[] { 2, 8, 0 }, 10, 50, 50).carried(), "反对 winning carries nothing");
    }

    @Test
    void nothingCarriesWithoutTheQuorum() {
        Tally t = new Tally(Tally.YES_NO, new long[] { 4, 0, 0 }, 10, 50, 50);
        assertFalse(t.quorumMet());
        assertEquals(-1, t.carried());
        assertTrue(new Tally(Tally.YES_NO, new long[] { 5, 0, 0 }, 10, 50, 50).quorumMet(), "the quorum is reached at the share");
        assertFalse(new Tally(Tally.YES_NO, new long[] { 0, 0, 0 }, 0, 50, 50).quorumMet(), "a village of nobody has no quorum");
    }

    @Test
    void aVoteBetweenOptionsCarriesTheOneWithTheMostAboveTheThresholdAndATieCarriesNone() {
        List<String> options = List.of("东线", "西线", "南线");
        assertEquals(1, new Tally(options, new long[] { 2, 7, 1 }, 10, 50, 50).carried());
        assertEquals(-1, new Tally(options, new long[] { 4, 4, 2 }, 10, 50, 30).carried());
        assertEquals(2, new Tally(options, new long[] { 3, 3, 4 }, 10, 50, 30).carried(), "a county may carry by plurality");
        assertEquals(-1, new Tally(options, new long[] { 3, 3, 4 }, 10, 50, 50).carried());
    }

    @Test
    void theResultNamesCountsTurnoutAndOutcome() {
        var r = new Tally(Tally.YES_NO, new long[] { 6, 3, 1 }, 20, 50, 50).asResult();
        assertEquals(10L, r.get("cast"));
        assertEquals(true, r.get("quorumMet"));
        assertEquals("赞成", r.get("carried"));
        assertEquals(true, r.get("passed"));
    }
}
