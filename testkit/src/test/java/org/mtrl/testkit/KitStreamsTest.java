package org.mtrl.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class KitStreamsTest {

    @Test
    void aStreamIsAFunctionOfSeedPurposeScopeAndKey() {
        KitStreams streams = new KitStreams(5);
        assertEquals(streams.stream("head", 1, 2).nextLong(), new KitStreams(5).stream("head", 1, 2).nextLong());
        long base = streams.stream("head", 1, 2).nextLong();
        assertNotEquals(base, new KitStreams(6).stream("head", 1, 2).nextLong());
        assertNotEquals(base, streams.stream("rep", 1, 2).nextLong());
        assertNotEquals(base, streams.stream("head", 2, 1).nextLong());
        assertNotEquals(base, streams.stream("head", 1, 2, 0).nextLong());
        assertNotEquals(base, streams.scoped("probe").stream("head", 1, 2).nextLong());
        assertEquals(streams.scoped("a").scoped("b").stream("x").nextLong(),
                new KitStreams(5).scoped("a").scoped("b").stream("x").nextLong());
    }
}
