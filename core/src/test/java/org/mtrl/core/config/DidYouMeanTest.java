package org.mtrl.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {
    private static final List<String> TYPES = List.of("biased-threshold", "linear-threshold", "parity", "relu-teacher");

    @Test
    void suggestsTheCandidateOneEditAway() {
        assertEquals(Optional.of("parity"), DidYouMean.suggest("parit", TYPES));
        assertEquals(Optional.of("count"), DidYouMean.suggest("cout", List.of("count", "labelNoise")));
        assertEquals(Optional.of("logistic"), DidYouMean.suggest("logistc", List.of("hinge", "logistic", "squared")));
    }

    @Test
    void anAdjacentSwapCostsOneEdit() {
        assertEquals(1, DidYouMean.distance("cuont", "count"));
        assertEquals(Optional.of("count"), DidYouMean.suggest("cuont", List.of("count", "labelNoise")));
    }

    @Test
    void distanceIsOptimalStringAlignment() {
        assertEquals(0, DidYouMean.distance("seed", "seed"));
        assertEquals(3, DidYouMean.distance("", "abc"));
        assertEquals(3, DidYouMean.distance("kitten", "sitting"));
        // Optimal string alignment edits no substring twice: 3, where unrestricted Damerau-Levenshtein gives 2.
        assertEquals(3, DidYouMean.distance("ca", "abc"));
    }

    @Test
    void allowsAThirdOfTheInputLengthInEdits() {
        assertEquals(Optional.of("headSamples"), DidYouMean.suggest("hedSampels", List.of("headSamples", "rounds")));
        assertEquals(Optional.empty(), DidYouMean.suggest("abcdef", List.of("abcxyz")));
    }

    @Test
    void aPrefixOfThreeOrMoreCharactersMatches() {
        assertEquals(Optional.of("subspace-distance"), DidYouMean.suggest("subspace", List.of("subspace-distance", "pretrain-loss")));
        assertEquals(Optional.of("optimizer"), DidYouMean.suggest("optimizers-list", List.of("optimizer", "probes")));
        assertEquals(Optional.empty(), DidYouMean.suggest("su", List.of("subspace-distance")));
    }

    @Test
    void ignoresCase() {
        assertEquals(Optional.of("labelNoise"), DidYouMean.suggest("labelnoise", List.of("count", "labelNoise")));
    }

    @Test
    void breaksTiesAlphabetically() {
        assertEquals(Optional.of("bat"), DidYouMean.suggest("cat", List.of("rat", "bat", "hat")));
    }

    @Test
    void suggestsNothingWhenNothingIsClose() {
        assertEquals(Optional.empty(), DidYouMean.suggest("width", TYPES));
        assertEquals(Optional.empty(), DidYouMean.suggest("x", List.of()));
    }
}
