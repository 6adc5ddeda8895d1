package org.mtrl.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricNotesTest {

    @Test
    void staleHeadsAtChanceBesideRefittedHeadsThatFitAreExplained() {
        List<String> notes = MetricNotes.of(Map.of("pretrain-loss.accuracy", 0.5023, "pretrain-loss.refit-accuracy", 0.93));
        assertEquals(List.of("note: pretrain-loss.accuracy 0.502 is at chance because the trained heads were fitted to "
                + "the first layer before the last representation step changed it (the paper's single round replaces "
                + "W); heads refitted on the final features score pretrain-loss.refit-accuracy 0.930."), notes);
    }

    @Test
    void noNoteWhenTheTrainedHeadsFitOrTheFeaturesDoNot() {
        assertEquals(List.of(), MetricNotes.of(Map.of("pretrain-loss.accuracy", 0.9, "pretrain-loss.refit-accuracy", 0.95)));
        assertEquals(List.of(), MetricNotes.of(Map.of("pretrain-loss.accuracy", 0.5, "pretrain-loss.refit-accuracy", 0.55)),
                "nothing fits: not a matter of stale heads");
        assertEquals(List.of(), MetricNotes.of(Map.of("pretrain-loss.accuracy", 0.56, "pretrain-loss.refit-accuracy", 0.9)));
        assertEquals(List.of(), MetricNotes.of(Map.of("subspace-distance.max", 0.25)));
    }
}
